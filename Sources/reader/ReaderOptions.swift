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

  /// The options of a command line that names only files (`reader`, `reader book.epub`,
  /// `reader a.md -`), or nil when anything in it is for the parser: an option, `help`, a
  /// subcommand's name or an empty word. Reflecting over the options costs more at start-up than
  /// painting the first screen of a small file, and these command lines are most of them.
  static func operandsOnly(_ arguments: [String], subcommands: [String]) -> ReaderOptions? {
    let forTheParser = arguments.contains { argument in
      argument.isEmpty || (argument.hasPrefix("-") && argument != "-") || argument == "help"
        || subcommands.contains(argument)
    }
    return forTheParser ? nil : ReaderOptions(files: arguments)
  }
}
