import ArgumentParser
import Foundation
import Glibc
import ReaderCore

/// The `reader` command: open a document in the two-pane viewer, or print it laid out.
@main
struct ReaderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reader",
    abstract: "A terminal reader for long-form Chinese documents.",
    discussion: """
      With no FILE, reads standard input when it is a pipe or a file that is not empty, and \
      otherwise opens the bundled article. FILE may be Markdown, an EPUB book or plain text (.txt); \
      several are read one after another (:n and :p in the viewer), a folder lists its documents; \
      '-' reads standard input (write ./convert for a file named like a subcommand). When \
      standard output is not a terminal the document is printed as plain text, as with --print.
      """,
    version: "reader 0.1.0",
    subcommands: [ConvertCommand.self]
  )

  /// Runs a subcommand named first directly: the parser fills the optional FILE argument before it
  /// looks for subcommands, so `reader convert` would otherwise try to open a file named "convert".
  static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    if let name = arguments.first,
      let subcommand = configuration.subcommands.first(where: { $0.configuration.commandName == name })
    {
      subcommand.main(Array(arguments.dropFirst()))
    } else {
      main(arguments)
    }
  }

  @Argument(
    help:
      "The Markdown, EPUB or plain-text files to read ('-' for standard input; a folder lists its documents)."
  )
  var files: [String] = []

  @Flag(help: "List the documents read before (title, path, progress, last read) and open one.")
  var shelf = false

  @Flag(help: "Print the laid-out document as plain text instead of opening the viewer.")
  var print = false

  @Flag(help: "Print the document's factions, their summaries and mention counts as plain text.")
  var factions = false

  @Flag(help: "Print the document's outline, one heading per line, indented two spaces per level.")
  var outline = false

  @Option(help: "The width for --print, in columns (0: no wrapping).")
  var width: Int = 80

  @Option(help: "The widest the body text gets in the viewer, in columns, centred (0: the whole pane).")
  var measure: Int = PaneGeometry.defaultMeasure

  @Option(help: "The colours: dark (for a dark background), light, or mono (attributes only; NO_COLOR too).")
  var theme: Theme.Name = .dark

  @Option(help: "The script to show the text in first: original, traditional (Taiwan) or simplified.")
  var script: DisplayScript = .original

  @Flag(help: "Also localise vocabulary and quotation marks when converting (s2twp / tw2sp: 軟件 → 軟體, 「」).")
  var vocabulary = false

  @Option(
    help: ArgumentHelp(
      "The language of the help, status line and messages: en, zh-Hant (Traditional, Taiwan), zh-Hans (Simplified) or auto (from LC_ALL, LC_MESSAGES or LANG).",
      valueName: "language"))
  var lang: String = "auto"

  /// The interface language `--lang` names, or the locale's for `auto`.
  private var language: InterfaceLanguage {
    InterfaceLanguage(argument: lang)
      ?? InterfaceLanguage.fromEnvironment(ProcessInfo.processInfo.environment)
  }

  @Option(
    help: ArgumentHelp(
      "How many columns the terminal gives East Asian Ambiguous characters (“ ” … ° ① │): narrow (1), wide (2, as CJK terminals are often set), or auto (ask the terminal; narrow when it does not say, or for printing).",
      valueName: "width"))
  var ambiguousWidth: String = "auto"

  @Flag(help: "Do not restore or remember the reading position (kept per file under $XDG_STATE_HOME/reader).")
  var noRemember = false

  /// Whether --script was on the command line (it then wins over a remembered script).
  private var scriptWasGiven: Bool {
    CommandLine.arguments.contains { $0 == "--script" || $0.hasPrefix("--script=") }
  }

  @Flag(help: "Open a file even if it looks binary (control characters are shown as symbols).")
  var force = false

  @Option(
    help: ArgumentHelp(
      "Read the file in this encoding (any name iconv knows: GBK, GB18030, BIG5, UTF-16LE, ...) instead of detecting it.",
      valueName: "name"))
  var encoding: String?

  @Flag(
    help: "Keep the lines of hard-wrapped plain text as they are instead of joining them into paragraphs.")
  var noReflow = false

  func validate() throws {
    if width < 0 { throw ValidationError("--width must be 0 or more") }
    if measure < 0 { throw ValidationError("--measure must be 0 or more") }
    if ambiguousWidth != "auto" && AmbiguousWidth(rawValue: ambiguousWidth) == nil {
      throw ValidationError("--ambiguous-width must be narrow, wide or auto")
    }
    if lang.lowercased() != "auto" && InterfaceLanguage(argument: lang) == nil {
      throw ValidationError("--lang must be en, zh-Hant, zh-Hans or auto")
    }
  }

  /// The choices that decide how the bytes are read; an encoding iconv does not know ends the run.
  private func importOptions() throws -> ImportOptions {
    var options = ImportOptions(force: force, reflow: !noReflow)
    if let encoding {
      guard IconvDecoder.knows(encoding) else {
        StandardStream.error("unknown encoding '\(VisibleText.singleLine(encoding))' (see iconv --list)")
        throw ExitCode(64)
      }
      options.encoding = SourceEncoding(name: encoding)
    }
    return options
  }

  func run() throws {
    let options = try importOptions()
    let sources = files.isEmpty ? [DocumentSource(argument: nil)] : files.map { DocumentSource(argument: $0) }
    do {
      let folder = files.count == 1 && Self.isDirectory(files[0]) ? files[0] : nil
      if shelf || folder != nil {
        let start: ViewerSession.Start = folder.map { .folder($0) } ?? .shelf
        if isatty(STDOUT_FILENO) == 0 {
          _ = chooseAmbiguousWidth(forViewer: false)()
          let store = noRemember ? nil : PositionStore.standard()
          StandardStream.write(ShelfSession(store: store, folder: folder).text())
          return
        }
        let settle = chooseAmbiguousWidth(forViewer: true)
        defer { _ = settle() }
        try viewer(start, options: options, settle: settle).run()
        return
      }
      if !(print || factions || outline) && isatty(STDOUT_FILENO) != 0 {
        let settle = chooseAmbiguousWidth(forViewer: true)
        defer { _ = settle() }
        try viewer(.documents(sources), options: options, settle: settle).run()
        return
      }
      _ = chooseAmbiguousWidth(forViewer: false)()
      for source in sources { try output(try source.loadDocument(options)) }
    } catch let error as ReaderError {
      StandardStream.error(error.message)
      throw ExitCode(error.status)
    }
  }

  /// Chooses the width of ambiguous characters, which everything laid out measures with: as
  /// `--ambiguous-width` says, or for `auto` as the terminal answers the probe, which only the
  /// viewer on a terminal that can move the cursor asks. The probe runs while the first document
  /// is read; the returned closure waits for it and sets the width (call it before any layout).
  private func chooseAmbiguousWidth(forViewer viewer: Bool) -> () -> [UInt8] {
    if let chosen = AmbiguousWidth(rawValue: ambiguousWidth) {
      DisplayWidth.ambiguous = chosen
      return { [] }
    }
    DisplayWidth.ambiguous = .narrow
    let term = StandardStream.environment("TERM") ?? ""
    guard viewer, !term.isEmpty, term != "dumb", isatty(STDOUT_FILENO) != 0 else { return { [] } }
    let fromTTY = isatty(STDIN_FILENO) == 0
    let input = fromTTY ? open("/dev/tty", O_RDONLY) : STDIN_FILENO
    guard input >= 0 else { return { [] } }
    let probe = AmbiguousWidthProbe.start(input: input, output: STDOUT_FILENO, closing: fromTTY)
    return {
      let answer = probe.wait()
      DisplayWidth.ambiguous = answer.width ?? .narrow
      return answer.typedAhead
    }
  }

  private func viewer(_ start: ViewerSession.Start, options: ImportOptions, settle: @escaping () -> [UInt8])
    -> ViewerSession
  {
    ViewerSession(
      start: start, options: options, script: scriptWasGiven ? script : nil, vocabulary: vocabulary,
      measure: measure, theme: theme, language: language, remember: !noRemember,
      keysFromTTY: isatty(STDIN_FILENO) == 0 || files.contains("-"), settleWidth: settle)
  }

  /// Prints one document as --factions, --outline or --print (the default for a pipe) ask.
  private func output(_ document: Document) throws {
    if factions {
      StandardStream.write(FactionReport.text(of: document))
    } else if outline {
      StandardStream.write(OutlinePrinter.text(of: try convertForPrinting(document).outline))
    } else {
      printDocument(try convertForPrinting(document))
    }
  }

  private static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
  }

  private func convertForPrinting(_ document: Document) throws -> Document {
    do {
      let converted = try ScriptConverter.shared.convert(document, to: script, vocabulary: vocabulary)
      if let notice = ScriptConverter.shared.fallbackNotice(for: script, vocabulary: vocabulary) {
        StandardStream.error(notice)
      }
      return converted
    } catch {
      StandardStream.error(error.message)
      throw ExitCode(69)
    }
  }

  private func printDocument(_ document: Document) {
    var buffer = ""
    DocumentPrinter.print(document, width: width) { line in
      buffer += line
      if buffer.utf8.count > 1 << 16 {
        StandardStream.write(buffer)
        buffer = ""
      }
    }
    StandardStream.write(buffer)
  }
}
