/// One row of the keymap: the keys, the command they run and the help text that describes it.
public struct KeyBinding: Sendable {
  public var keys: [Key]
  public var command: Command
  public var help: String

  public init(_ keys: [Key], _ command: Command, _ help: String) {
    self.keys = keys
    self.command = command
    self.help = help
  }
}
