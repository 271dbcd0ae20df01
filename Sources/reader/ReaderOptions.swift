import ReaderCore

/// What the command line asks of one run of `reader`, as plain values: ArgumentParser fills it
/// from the options, and an ordinary command line builds it without the parser (`withoutParser`).
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

  /// The options of a command line of file names, on/off flags and options with a value
  /// (`reader`, `reader book.epub`, `reader --print a.md -`, `reader --theme light 第三章.txt`,
  /// `reader --width=60 --print a.md`), each flag or option spelled out in full once with a value
  /// the parser would take as it is; nil when anything in it is for the parser: a short or
  /// repeated flag or option, a value it would refuse or read otherwise (one that starts with `-`,
  /// an empty one, a bad number or name), `--`, `help`, a subcommand's name or an empty word, so
  /// the parser says what is wrong. Reflecting over the options costs more at start-up than
  /// painting the first screen of a small file (10 M instructions, 2-3 ms), and these command
  /// lines are most of them; the tests hold the result to the parser's.
  static func withoutParser(_ arguments: [String], subcommands: [String]) -> ReaderOptions? {
    var options = ReaderOptions()
    var seen: [String] = []
    var index = arguments.startIndex
    while index < arguments.endIndex {
      let argument = arguments[index]
      index += 1
      guard argument.hasPrefix("-") && argument != "-" else {
        guard !argument.isEmpty, argument != "help", !subcommands.contains(argument) else { return nil }
        options.files.append(argument)
        continue
      }
      var name = argument
      var value: String?
      if let equals = argument.firstIndex(of: "=") {
        name = String(argument[..<equals])
        value = String(argument[argument.index(after: equals)...])
      }
      guard !seen.contains(name) else { return nil }
      seen.append(name)
      guard valueOptionNames.contains(name) else {
        guard value == nil, options.turnOn(name) else { return nil }
        continue
      }
      if value == nil, index < arguments.endIndex {
        value = arguments[index]
        index += 1
      }
      guard let value, !value.isEmpty, !value.hasPrefix("-"), value != "help", !subcommands.contains(value),
        options.set(name, to: value)
      else { return nil }
    }
    return options
  }

  /// The options with a value `withoutParser` knows: every one of `ReaderCommand`, by its long name.
  static let valueOptionNames = [
    "--width", "--measure", "--theme", "--script", "--lang", "--ambiguous-width", "--encoding",
  ]

  /// Sets the field of option `name` to `value` as the parser and `ReaderCommand.validate` would
  /// take it; false for a value they refuse (the parser then says why) or any other name.
  private mutating func set(_ name: String, to value: String) -> Bool {
    switch name {
    case "--width", "--measure":
      guard let number = Int(value), number >= 0 else { return false }
      if name == "--width" { width = number } else { measure = number }
    case "--theme":
      guard let chosen = Theme.Name(rawValue: value) else { return false }
      theme = chosen
    case "--script":
      guard let script = DisplayScript(rawValue: value) else { return false }
      self.script = script
      scriptWasGiven = true
    case "--lang":
      guard value.lowercased() == "auto" || InterfaceLanguage(argument: value) != nil else { return false }
      lang = value
    case "--ambiguous-width":
      guard value == "auto" || AmbiguousWidth(rawValue: value) != nil else { return false }
      ambiguousWidth = value
    case "--encoding": encoding = value
    default: return false
    }
    return true
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
