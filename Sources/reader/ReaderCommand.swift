import ArgumentParser
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
      otherwise opens the bundled article. FILE may be Markdown or plain text (.txt); \
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

  @Argument(help: "The Markdown or plain-text file to read ('-' for standard input).")
  var file: String?

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
    let source = DocumentSource(argument: file)
    let options = try importOptions()
    do {
      if !(print || factions || outline) && isatty(STDOUT_FILENO) != 0 {
        try ViewerSession(
          source: source, options: options, script: scriptWasGiven ? script : nil, vocabulary: vocabulary,
          measure: measure, theme: theme, remember: !noRemember,
          keysFromTTY: isatty(STDIN_FILENO) == 0 || file == "-"
        ).run()
        return
      }
      let document = try source.loadDocument(options)
      if factions {
        StandardStream.write(FactionReport.text(of: document))
        return
      }
      if outline {
        StandardStream.write(OutlinePrinter.text(of: try convertForPrinting(document).outline))
        return
      }
      printDocument(try convertForPrinting(document))
    } catch let error as ReaderError {
      StandardStream.error(error.message)
      throw ExitCode(error.status)
    }
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
