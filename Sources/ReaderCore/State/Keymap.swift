/// The single source of truth for key bindings: dispatch and the help screen both read it.
public enum Keymap {
  public static let bindings: [KeyBinding] = [
    KeyBinding([.up, .character("k")], .lineUp, "previous heading (outline) / scroll up a line (body)"),
    KeyBinding([.down, .character("j")], .lineDown, "next heading (outline) / scroll down a line (body)"),
    KeyBinding([.pageUp, .character("b")], .pageUp, "page up"),
    KeyBinding([.pageDown, .character(" ")], .pageDown, "page down"),
    KeyBinding([.home, .character("g")], .top, "first heading / top of the document"),
    KeyBinding([.end, .character("G")], .bottom, "last heading / end of the document"),
    KeyBinding([.enter], .focusBody, "read the selected section (focus the body)"),
    KeyBinding([.tab, .backTab], .switchFocus, "switch between outline and body"),
    KeyBinding([.character("q")], .quit, "quit"),
  ]

  private static let table: [Key: Command] = {
    var table: [Key: Command] = [:]
    for binding in bindings {
      for key in binding.keys { table[key] = binding.command }
    }
    return table
  }()

  /// The command bound to `key`, if any.
  public static func command(for key: Key) -> Command? {
    table[key]
  }
}
