/// A panel drawn over the panes that takes the keys while it is open.
public enum Overlay: Hashable, Sendable {
  /// The key help, generated from the keymap.
  case help
  /// The faction panel, with the chosen faction.
  case factions(selection: Int)
}
