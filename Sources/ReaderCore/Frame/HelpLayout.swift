/// The help screen laid out for one terminal size and language: every binding of the keymap,
/// grouped by purpose, in a box that scrolls. The reducer scrolls with it and the renderer draws
/// it, so both agree on how many lines there are and how many show.
struct HelpLayout {
  /// Every line of the help, each fitting the box's inside.
  let lines: [StyledText]
  /// The box over the panes, borders included.
  let box: Rect
  /// How many lines show at once.
  let visibleRows: Int

  /// The widest the box gets: one binding a line, with room for the longer descriptions.
  static let widest = 90

  init(size: TerminalSize, language: InterfaceLanguage) {
    let width = max(0, min(size.width - 2, Self.widest))
    let content = max(1, OverlayRenderer.contentWidth(ofBox: width))
    lines = Self.lines(content: content, language: language)
    let height = max(0, min(size.height - 2, lines.count + 2))
    box = Rect(
      x: (size.width - width) / 2, y: max(0, (size.height - 1 - height) / 2), width: width, height: height)
    visibleRows = max(1, height - 2)
  }

  /// The first line shown can be at most this, so that the last page is full.
  var maxTop: Int { max(0, lines.count - visibleRows) }

  /// The lines of the help at `content` columns: a heading per group, then a line per binding
  /// (its keys, then what it does, wrapped under itself); keys too wide for their column get a
  /// line of their own. Nothing is cut but at sizes where not even a word fits, and then with `…`.
  static func lines(content: Int, language: InterfaceLanguage) -> [StyledText] {
    let keyColumn = min(14, max(6, content / 3))
    let textWidth = content - keyColumn
    var lines: [StyledText] = []
    for group in HelpGroup.allCases {
      let bindings = Keymap.bindings.filter { HelpGroup.of($0) == group }
      guard !bindings.isEmpty else { continue }
      if !lines.isEmpty { lines.append(StyledText("")) }
      let heading = InterfaceText.helpGroup(group).text(in: language)
      lines.append(StyledText(TextFitting.truncate(heading, to: content), style: .bold))
      for binding in bindings {
        let keys = KeyHelp.keys(of: binding)
        let description = KeyHelp.text(for: binding, in: language)
        let indent = String(repeating: " ", count: keyColumn)
        var first: String
        if DisplayWidth.of(keys) < keyColumn {
          first = keys + String(repeating: " ", count: keyColumn - DisplayWidth.of(keys))
        } else {
          lines.append(StyledText(TextFitting.truncate(keys, to: content)))
          first = indent
        }
        guard textWidth >= 4 else {
          lines.append(StyledText(TextFitting.truncate(first + description, to: content)))
          continue
        }
        let wrapped = LineBreaker(width: textWidth).wrap([InlineRun(description)], leaf: 0)
        for (index, line) in wrapped.enumerated() {
          let text = line.spans.map(\.text).joined()
          let prefix = index == 0 ? first : indent
          lines.append(StyledText(TextFitting.truncate(prefix + text, to: content)))
        }
      }
    }
    return lines
  }
}
