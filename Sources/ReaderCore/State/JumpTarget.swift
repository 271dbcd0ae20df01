/// What a jump (a search match, a mention, a mark) went to, while the body still shows it.
///
/// The target need not be the top line: it sits a line or two lower, or much lower at the end of
/// the document, where the body cannot scroll it up. While the body stays where the jump left
/// it, the outline and the status line name the section that holds the target, not the one
/// the top line is in.
struct JumpTarget: Hashable, Sendable {
  /// The outline entry whose section holds the target; nil in the preface.
  var entry: Int?
  /// Where the jump left the top of the body.
  var anchor: Anchor
}
