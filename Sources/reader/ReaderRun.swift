import ArgumentParser
import FoundationEssentials
import Glibc
import ReaderCore

/// One run of `reader` as its options ask: the viewer on a terminal, the shelf or a folder's
/// list, or the document printed (`--print`, `--factions`, `--outline`, or any pipe).
struct ReaderRun {
  let options: ReaderOptions

  /// The interface language `--lang` names, or the locale's for `auto`.
  private var language: InterfaceLanguage {
    InterfaceLanguage(argument: options.lang)
      ?? InterfaceLanguage.fromEnvironment(StandardStream.environment)
  }

  /// The choices that decide how the bytes are read; an encoding iconv does not know ends the run.
  private func importOptions() throws -> ImportOptions {
    var importing = ImportOptions(force: options.force, reflow: !options.noReflow)
    if let encoding = options.encoding {
      guard IconvDecoder.knows(encoding) else {
        StandardStream.error("unknown encoding '\(VisibleText.singleLine(encoding))' (see iconv --list)")
        throw ExitCode(64)
      }
      importing.encoding = SourceEncoding(name: encoding)
    }
    return importing
  }

  func run() throws {
    let importing = try importOptions()
    let files = options.files
    let sources = files.isEmpty ? [DocumentSource(argument: nil)] : files.map { DocumentSource(argument: $0) }
    do {
      let folder = files.count == 1 && Self.isDirectory(files[0]) ? files[0] : nil
      if options.shelf || folder != nil {
        let start: ViewerSession.Start = folder.map { .folder($0) } ?? .shelf
        if isatty(STDOUT_FILENO) == 0 {
          _ = chooseAmbiguousWidth(forViewer: false).settle()
          let store = options.noRemember ? nil : PositionStore.standard()
          StandardStream.write(ShelfSession(store: store, folder: folder).text())
          return
        }
        let width = chooseAmbiguousWidth(forViewer: true)
        defer { _ = width.settle() }
        try viewer(start, importing: importing, width: width).run()
        return
      }
      if !(options.print || options.factions || options.outline) && isatty(STDOUT_FILENO) != 0 {
        let width = chooseAmbiguousWidth(forViewer: true)
        defer { _ = width.settle() }
        try viewer(.documents(sources), importing: importing, width: width).run()
        return
      }
      _ = chooseAmbiguousWidth(forViewer: false).settle()
      for source in sources {
        let (origin, bytes) = try source.readSource()
        if printInChunks(origin, bytes, importing) { continue }
        try output(try origin.parse(bytes, importing, name: source.argument))
      }
    } catch let error as ReaderError {
      StandardStream.error(error.message)
      throw ExitCode(error.status)
    }
  }

  /// Chooses the width of ambiguous characters, which everything laid out measures with: as
  /// `--ambiguous-width` says, or for `auto` as the terminal answers the probe, which only the
  /// viewer on a terminal that can move the cursor asks. A width this terminal gave before is
  /// used at once, and asked again after the first screen; otherwise the probe runs while the
  /// first document is read, and `settle` waits for it and sets the width (call it before any layout).
  private func chooseAmbiguousWidth(forViewer viewer: Bool) -> ViewerSession.Width {
    if let chosen = AmbiguousWidth(rawValue: options.ambiguousWidth) {
      DisplayWidth.ambiguous = chosen
      return ViewerSession.Width()
    }
    DisplayWidth.ambiguous = .narrow
    let term = StandardStream.environment("TERM") ?? ""
    guard viewer, !term.isEmpty, term != "dumb", isatty(STDOUT_FILENO) != 0 else {
      return ViewerSession.Width()
    }
    let memory =
      options.noRemember
      ? nil
      : PositionStore.standard().map {
        AmbiguousWidthMemory(store: $0, environment: StandardStream.environment)
      }
    if let remembered = memory?.remembered {
      DisplayWidth.ambiguous = remembered
      return ViewerSession.Width(memory: memory, checkAfterFirstScreen: true)
    }
    let fromTTY = isatty(STDIN_FILENO) == 0
    let input = fromTTY ? open("/dev/tty", O_RDONLY) : STDIN_FILENO
    guard input >= 0 else { return ViewerSession.Width() }
    let probe = AmbiguousWidthProbe.start(input: input, output: STDOUT_FILENO, closing: fromTTY)
    let settle = {
      let answer = probe.wait()
      DisplayWidth.ambiguous = answer.width ?? .narrow
      return answer.typedAhead
    }
    return ViewerSession.Width(settle: settle, memory: memory)
  }

  private func viewer(_ start: ViewerSession.Start, importing: ImportOptions, width: ViewerSession.Width)
    -> ViewerSession
  {
    ViewerSession(
      start: start, options: importing, script: options.scriptWasGiven ? options.script : nil,
      vocabulary: options.vocabulary, measure: options.measure, theme: options.theme, language: language,
      remember: !options.noRemember,
      keysFromTTY: isatty(STDIN_FILENO) == 0 || options.files.contains("-"), width: width)
  }

  /// Prints one document as --factions, --outline or --print (the default for a pipe) ask.
  private func output(_ document: Document) throws {
    if options.factions {
      StandardStream.write(FactionReport.text(of: document))
    } else if options.outline {
      StandardStream.write(OutlinePrinter.text(of: try convertForPrinting(document).outline))
    } else if options.script == .original {
      printDocument(document)
    } else {
      try printConverted(document)
    }
  }

  /// Prints `document` in the display script asked for, each window of blocks converted as it
  /// is printed (a whole 10 MB document took seconds to convert before its first line).
  private func printConverted(_ document: Document) throws {
    let (script, vocabulary) = (options.script, options.vocabulary)
    try convertingForPrint { converter throws(ConversionError) in
      let spelling = try converter.spelling(of: document, in: script)
      try write { output throws(ConversionError) in
        try DocumentPrinter.print(
          document, width: options.width,
          converting: { block throws(ConversionError) in
            try converter.convert(block, to: script, vocabulary: vocabulary, spelling: spelling)
          }, into: output)
      }
    }
  }

  private static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
  }

  private func convertForPrinting(_ document: Document) throws -> Document {
    try convertingForPrint { converter throws(ConversionError) in
      try converter.convert(document, to: options.script, vocabulary: options.vocabulary)
    }
  }

  /// Runs `body` with the converter prepared for the script asked for, once the notice of older
  /// dictionaries (if any) is out; a conversion that fails is told and ends the run (status 69).
  private func convertingForPrint<Result>(
    _ body: (ScriptConverter) throws(ConversionError) -> Result
  ) throws -> Result {
    let converter = ScriptConverter.shared
    do {
      try converter.prepare(options.script, vocabulary: options.vocabulary)
      if let notice = converter.fallbackNotice(for: options.script, vocabulary: options.vocabulary) {
        StandardStream.error(notice)
      }
      return try body(converter)
    } catch {
      StandardStream.error(error.message)
      throw ExitCode(69)
    }
  }

  /// Prints a large UTF-8 Markdown file while it is parsed, a chunk at a time on another thread
  /// (`DocumentPrinter.print(parsing:)`); false, having printed nothing, for any other: a book,
  /// plain text, another encoding, damaged bytes, a script to convert (which reads the whole
  /// document first), or link and footnote definitions, which the whole document resolves.
  private func printInChunks(_ origin: DocumentSource, _ bytes: [UInt8], _ importing: ImportOptions) -> Bool {
    guard !options.factions && !options.outline && options.script == .original,
      bytes.count > Self.printInChunksThreshold, DocumentPrinter.canPrintInChunks(bytes),
      !origin.isEPUB(bytes)
    else { return false }
    // The encoding first, as the viewer finds it, so that a novel in GBK is decoded once, whole.
    let encoding =
      importing.encoding
      ?? bytes.withUnsafeBytes {
        EncodingDetector.detect($0).encoding
      }
    guard encoding.isUTF8, !origin.isPlainText(encoding: encoding) else { return false }
    let decoded = SourceDecoder.decode(bytes, encoding: encoding)
    guard decoded.encoding.isUTF8, decoded.notice == nil, !decoded.looksBinary else { return false }
    let parser = ChunkedParser(bytes: Array(decoded.text.utf8))
    write { DocumentPrinter.print(parsing: parser, width: options.width, into: $0) }
    return true
  }

  /// Smaller files are parsed whole before they are printed, as they always were: a chunk or two
  /// would gain nothing.
  private static let printInChunksThreshold = 1 << 20

  private func printDocument(_ document: Document) {
    write { DocumentPrinter.print(document, width: options.width, into: $0) }
  }

  /// Writes what `print` hands out to standard output, in pieces of 64 KiB or more.
  private func write<Failure: Error>(_ print: ((String) -> Void) throws(Failure) -> Void) throws(Failure) {
    var buffer = ""
    defer { StandardStream.write(buffer) }
    try print { line in
      buffer += line
      if buffer.utf8.count > 1 << 16 {
        StandardStream.write(buffer)
        buffer = ""
      }
    }
  }
}
