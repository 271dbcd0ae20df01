/// Everything that can change the reader's state: commands from keys, and the terminal's size.
public enum Action: Hashable, Sendable {
  case key(Key)
  case command(Command)
  case resize(TerminalSize)
  case selectEntry(Int)
}
