import ReaderCore

/// What the command line asks of one run of `reader`, as plain values: ArgumentParser fills it
/// from the options, and a command line of file operands alone builds it without the parser.
struct ReaderOptions: Equatable {
  var files: [String] = []
  var shelf = false
  var print = false
  var factions = false
  var outline = false
  var width = 80
  var measure = PaneGeometry.defaultMeasure
  var theme: Theme.Name = .dark
  var script: DisplayScript = .original
  /// Whether --script was on the command line (it then wins over a remembered script).
  var scriptWasGiven = false
  var vocabulary = false
  var lang = "auto"
  var ambiguousWidth = "auto"
  var noRemember = false
  var force = false
  var encoding: String?
  var noReflow = false

  /// The options of a command line of file names and on/off flags, each flag spelled out once
  /// (`reader`, `reader book.epub`, `reader --print a.md -`, `reader --no-remember 第三章.txt`), or
  /// nil when anything in it is for the parser: an option with a value, a short or repeated flag,
  /// `--`, `help`, a subcommand's name or an empty word. Reflecting over the options costs more at
  /// start-up than painting the first screen of a small file (10 M instructions, 2-3 ms), and
  /// these command lines are most of them; the tests hold the result to the parser's.
  static func withoutParser(_ arguments: [String], subcommands: [String]) -> ReaderOptions? {
    var options = ReaderOptions()
    var seen: [String] = []
    for argument in arguments {
      if argument.hasPrefix("-") && argument != "-" {
        guard !seen.contains(argument), options.turnOn(argument) else { return nil }
        seen.append(argument)
      } else {
        guard !argument.isEmpty, argument != "help", !subcommands.contains(argument) else { return nil }
        options.files.append(argument)
      }
    }
    return options
  }

  /// The flags `withoutParser` knows: every on/off flag of `ReaderCommand`, by its long name.
  static let flagNames = [
    "--shelf", "--print", "--factions", "--outline", "--vocabulary", "--no-remember", "--force",
    "--no-reflow",
  ]

  /// Sets the field of on/off flag `name`; false for any other word. (A switch, not a table of key
  /// paths: the start-up would instantiate those.)
  private mutating func turnOn(_ name: String) -> Bool {
    switch name {
    case "--shelf": shelf = true
    case "--print": print = true
    case "--factions": factions = true
    case "--outline": outline = true
    case "--vocabulary": vocabulary = true
    case "--no-remember": noRemember = true
    case "--force": force = true
    case "--no-reflow": noReflow = true
    default: return false
    }
    return true
  }
}
