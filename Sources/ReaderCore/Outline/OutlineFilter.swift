/// The text the outline is filtered by (`&`, as less filters lines), and whether it is being typed.
public struct OutlineFilter: Hashable, Sendable {
  public var query: String
  /// Whether the prompt on the status line takes the keys.
  public var isEditing: Bool

  public init(query: String = "", isEditing: Bool = true) {
    self.query = query
    self.isEditing = isEditing
  }
}
