/// One row of the keymap: the keys, where they apply, the command they run and its help text.
public struct KeyBinding: Sendable {
  public var keys: [Key]
  public var context: KeyContext
  public var command: Command
  public var help: String

  public init(_ keys: [Key], _ command: Command, _ help: String, in context: KeyContext = .reader) {
    self.keys = keys
    self.context = context
    self.command = command
    self.help = help
  }
}
