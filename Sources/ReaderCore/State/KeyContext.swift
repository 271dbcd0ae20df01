/// Where a key binding applies: the panes, or a panel that takes the keys while it is open.
public enum KeyContext: String, Hashable, Sendable, CaseIterable {
  case reader
  case factionPanel
  case searchPrompt
}
