/// What a key asks the reader to do; the reducer decides what it means in the focused pane.
public enum Command: String, CaseIterable, Hashable, Sendable {
  case lineUp
  case lineDown
  case pageUp
  case pageDown
  case top
  case bottom
  case halfPageUp
  case halfPageDown
  case previousHeading
  case nextHeading
  case toggleOutline
  case narrowOutline
  case widenOutline
  case countDigit
  case focusBody
  case switchFocus
  case cycleScript
  case toggleVocabulary
  case nextFaction
  case openFactions
  case nextMention
  case showHelp
  case closePanel
  case panelUp
  case panelDown
  case panelChoose
  case panelMentions
  case suspend
  case interrupt
  case quit
}
