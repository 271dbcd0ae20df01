/// The search prompt on the status line while a pattern is typed: the line being edited, whether
/// it is a regular expression, the history entry recalled, and where to go back to on Esc.
public struct SearchPrompt: Hashable, Sendable {
  public internal(set) var line: PromptLine
  /// Ctrl-R: the pattern is a regular expression (the prompt shows `/re:`).
  public internal(set) var isRegex: Bool
  /// The history entry shown (an index into `SearchHistory.entries`), nil for the line typed.
  var recalled: Int?
  /// The line typed before Up recalled older patterns; Down past the newest brings it back.
  var draft: SearchPattern?
  /// The top of the body when the prompt opened: typing previews matches from there, and
  /// Esc and Ctrl-C come back to it.
  public internal(set) var origin: Anchor
  /// The last search when the prompt opened: Esc keeps it for `n`, an empty pattern repeats it.
  var previous: SearchState?

  init(origin: Anchor, previous: SearchState?) {
    line = PromptLine()
    isRegex = false
    self.origin = origin
    self.previous = previous
  }

  /// The pattern typed so far.
  public var pattern: SearchPattern { SearchPattern(line.text, isRegex: isRegex) }
}
