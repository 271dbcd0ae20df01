import ArgumentParser
import FoundationEssentials
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
  /// An ordinary command line (file names, on/off flags, options with a value) skips the parser
  /// (see `ReaderOptions.withoutParser`).
  static func main() {
    StandardStream.checkStandardOutputAtExit()
    let arguments = Array(CommandLine.arguments.dropFirst())
    if let name = arguments.first,
      let subcommand = configuration.subcommands.first(where: { $0.configuration.commandName == name })
    {
      subcommand.main(Array(arguments.dropFirst()))
    } else if let options = ReaderOptions.withoutParser(
      arguments, subcommands: configuration.subcommands.map { $0.configuration.commandName ?? "" })
    {
      do { try ReaderRun(options: options).run() } catch { exit(withError: error) }
    } else {
      main(arguments)
    }
  }

  /// The values an option has when it is not given.
  private static let defaults = ReaderOptions()

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

  // The next word is the number even when it starts with a dash, so that `--width -3` is told it
  // must be 0 or more rather than that its value is missing.
  @Option(parsing: .unconditional, help: "The width for --print, in columns (0: no wrapping).")
  var width: Int = defaults.width

  @Option(
    parsing: .unconditional,
    help: "The widest the body text gets in the viewer, in columns, centred (0: the whole pane).")
  var measure: Int = defaults.measure

  @Option(help: "The colours: dark (for a dark background), light, or mono (attributes only; NO_COLOR too).")
  var theme: Theme.Name = defaults.theme

  @Option(help: "The script to show the text in first: original, traditional (Taiwan) or simplified.")
  var script: DisplayScript = defaults.script

  @Flag(help: "Also localise vocabulary and quotation marks when converting (s2twp / tw2sp: 軟件 → 軟體, 「」).")
  var vocabulary = false

  @Option(
    help: ArgumentHelp(
      "The language of the help, status line and messages: en, zh-Hant (Traditional, Taiwan), zh-Hans (Simplified) or auto (from LC_ALL, LC_MESSAGES or LANG).",
      valueName: "language"))
  var lang: String = defaults.lang

  @Option(
    help: ArgumentHelp(
      "How many columns the terminal gives East Asian Ambiguous characters (“ ” … ° ① │): narrow (1), wide (2, as CJK terminals are often set), or auto (ask the terminal; narrow when it does not say, or for printing).",
      valueName: "width"))
  var ambiguousWidth: String = defaults.ambiguousWidth

  @Flag(help: "Do not restore or remember the reading position (kept per file under $XDG_STATE_HOME/reader).")
  var noRemember = false

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

  /// The options as parsed, for a run.
  var options: ReaderOptions {
    ReaderOptions(
      files: files, shelf: shelf, print: print, factions: factions, outline: outline, width: width,
      measure: measure, theme: theme, script: script,
      scriptWasGiven: CommandLine.arguments.contains { $0 == "--script" || $0.hasPrefix("--script=") },
      vocabulary: vocabulary, lang: lang, ambiguousWidth: ambiguousWidth, noRemember: noRemember,
      force: force, encoding: encoding, noReflow: noReflow)
  }

  func run() throws {
    try ReaderRun(options: options).run()
  }
}
