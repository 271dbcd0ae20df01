import ArgumentParser
import Glibc
import ReaderCore

/// `reader convert`: converts Chinese text from standard input to standard output, line by line.
struct ConvertCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "convert",
    // Run directly by ReaderCommand.main, so help and errors name it "reader convert".
    _superCommandName: "reader",
    abstract: "Convert Chinese text from standard input to standard output, line by line.",
    discussion: """
      --to uses exactly the viewer's conversion: traditional converts only the sentences written \
      in Simplified (s2tw) and leaves Traditional text as written; simplified converts only the \
      sentences written in Traditional (tw2s) and leaves Simplified text as written. --to traditional reads all its input before writing: like the viewer with a \
      document, it keeps the author's own Traditional spellings (雇 rather than 僱) in the \
      sentences it converts. --config applies one OpenCC configuration as it is (s2t, s2tw, s2twp, t2s, \
      tw2s, tw2sp, tw2t, ...). The input's encoding is detected as the viewer does (GB18030, Big5, \
      UTF-16, ...; --encoding NAME sets it) and the output is UTF-8; in UTF-8 input, bytes that are \
      not UTF-8 are copied unchanged. \
      OpenCC 1.4.2's dictionaries are looked for beside the executable (opencc/), then in \
      PREFIX/share/reader/opencc; without them the system's are used, with one line on standard \
      error. \(OpenCCLibrary.dataDirectoriesVariable) (a ':'-separated list) replaces the directories \
      searched for OpenCC's data.
      """
  )

  /// The scripts `--to` accepts.
  enum Target: String, CaseIterable, ExpressibleByArgument {
    case traditional
    case simplified

    var script: DisplayScript {
      switch self {
      case .traditional: return .traditional
      case .simplified: return .simplified
      }
    }
  }

  @Option(help: "Convert as the viewer does, to traditional (Taiwan) or simplified.")
  var to: Target?

  @Option(help: ArgumentHelp("Apply one OpenCC configuration as it is.", valueName: "name"))
  var config: String?

  @Flag(
    help: """
      With --to, also localise vocabulary (s2twp / tw2sp: 軟件 → 軟體; rewrites some correct text) \
      and quotation marks (Taiwan 「」『』, mainland “”‘’).
      """)
  var vocabulary = false

  @Option(
    help: ArgumentHelp(
      "Read standard input in this encoding (any name iconv knows) instead of detecting it.",
      valueName: "name"))
  var encoding: String?

  func validate() throws {
    switch (to, config) {
    case (nil, nil): throw ValidationError("give --to traditional|simplified or --config NAME")
    case (.some, .some): throw ValidationError("--to and --config cannot be used together")
    case (nil, .some) where vocabulary:
      throw ValidationError(
        "--vocabulary goes with --to; with --config name the configuration (s2twp, tw2sp)")
    default: break
    }
  }

  func run() throws {
    if let encoding, !IconvDecoder.knows(encoding) {
      StandardStream.error("unknown encoding '\(VisibleText.singleLine(encoding))' (see iconv --list)")
      throw ExitCode(64)
    }
    do {
      if let config {
        let converter = try OpenCCLibrary.shared.converter(named: config)
        if let notice = OpenCCLibrary.shared.fallbackNotice(for: config) { StandardStream.error(notice) }
        try filterStandardInput { (line: String) throws(ConversionError) -> String in
          try converter.convert(line)
        }
        return
      }
      let script = (to ?? .traditional).script
      let vocabulary = vocabulary
      let converter = ScriptConverter.shared
      try converter.prepare(script, vocabulary: vocabulary)
      if let notice = converter.fallbackNotice(for: script, vocabulary: vocabulary) {
        StandardStream.error(notice)
      }
      if script == .simplified {
        try filterStandardInput { (line: String) throws(ConversionError) -> String in
          try converter.convert(line, to: script, vocabulary: vocabulary)
        }
        return
      }
      let input = try readAll()
      let lines = input.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
      let spelling = try converter.detector.authorSpelling(
        ofLines: lines.map { String(decoding: $0, as: UTF8.self) })
      var output: [UInt8] = []
      for (index, line) in lines.enumerated() {
        if index > 0 { output.append(UInt8(ascii: "\n")) }
        output += try ByteTextConverter.convert(line) { (text: String) throws(ConversionError) -> String in
          try converter.convert(text, to: script, vocabulary: vocabulary, spelling: spelling)
        }
        if output.count > 1 << 16 {
          StandardStream.write(bytes: output)
          output.removeAll(keepingCapacity: true)
        }
      }
      StandardStream.write(bytes: output)
    } catch let error as ConversionError {
      StandardStream.error(error.message)
      if case .invalidConfigName = error { throw ExitCode(64) }
      throw ExitCode(69)
    }
  }

  private func readAll() throws -> [UInt8] {
    var input: [UInt8] = []
    try readStandardInput { input += $0 }
    return input
  }

  /// Calls `body` with each chunk of standard input as it arrives, decoded to UTF-8.
  private func readStandardInput(_ body: (ArraySlice<UInt8>) throws -> Void) throws {
    var decoder = StreamDecoder(encoding: encoding.map { SourceEncoding(name: $0) })
    try readRawStandardInput { chunk in
      let decoded = decoder.feed(chunk)
      if !decoded.isEmpty { try body(decoded[...]) }
    }
    let rest = decoder.finish()
    if !rest.isEmpty { try body(rest[...]) }
  }

  /// Calls `body` with each chunk of standard input's bytes as it arrives.
  private func readRawStandardInput(_ body: (ArraySlice<UInt8>) throws -> Void) throws {
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        StandardStream.error("cannot read standard input: " + String(cString: strerror(errno)))
        throw ExitCode(74)
      }
      if count == 0 { return }
      try body(chunk[0..<count])
    }
  }

  /// Converts each complete line as soon as it is read, so the command works in a pipeline.
  private func filterStandardInput(_ transform: (String) throws(ConversionError) -> String) throws {
    var pending: [UInt8] = []
    try readStandardInput { chunk in
      // Only the new chunk can hold the next line end: rescanning a long line would be quadratic.
      let scanFrom = pending.count
      pending += chunk
      var output: [UInt8] = []
      var start = pending.startIndex
      var searchFrom = scanFrom
      while let newline = pending[searchFrom...].firstIndex(of: UInt8(ascii: "\n")) {
        output += try ByteTextConverter.convert(pending[start..<newline], transform)
        output.append(UInt8(ascii: "\n"))
        start = newline + 1
        searchFrom = start
      }
      pending.removeFirst(start)
      StandardStream.write(bytes: output)
    }
    if !pending.isEmpty {
      StandardStream.write(bytes: try ByteTextConverter.convert(pending[...], transform))
    }
  }
}
