/// Where a key binding applies: the panes, or a panel that takes the keys while it is open.
public enum KeyContext: String, Hashable, Sendable, CaseIterable {
  case reader
  case factionPanel
  case searchPrompt
  /// The key after `:` (less's `:n` and `:p`).
  case colonCommand
  /// The shelf of documents read before; it also moves with the reader's movement keys, and its
  /// own keys are listed on its status line rather than in the viewer's help.
  case shelf
  /// The help screen, which scrolls.
  case help
  /// The key after `z`, which folds the outline.
  case fold
  /// While the outline's filter is typed (`&`).
  case outlineFilter
}
