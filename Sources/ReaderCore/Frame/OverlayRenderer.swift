/// Draws the panels that open over the panes: the key help and the faction panel.
enum OverlayRenderer {
  /// The help lists every binding of the keymap, one line each, grouped by where it applies; that
  /// any key closes it is said in the box's title, which keeps two more rows for keys.
  static func helpLines() -> [StyledText] {
    var lines: [StyledText] = []
    // The keys after `:` are spelt out in the `:` line, and the shelf lists its own keys.
    for context in KeyContext.allCases where context != .shelf && context != .colonCommand {
      let bindings = Keymap.bindings.filter { $0.context == context }
      guard !bindings.isEmpty else { continue }
      if !lines.isEmpty { lines.append(StyledText("")) }
      let heading: String
      switch context {
      case .reader: heading = "Keys (按鍵)"
      case .factionPanel: heading = "In the faction panel (派系面板)"
      case .searchPrompt: heading = "While typing a search (搜尋)"
      case .colonCommand, .shelf: continue
      }
      lines.append(StyledText(heading, style: .bold))
      for binding in bindings {
        let keys = binding.keys.map(\.description).joined(separator: " ")
        let padded = keys + String(repeating: " ", count: max(1, 12 - DisplayWidth.of(keys)))
        lines.append(StyledText(padded + binding.help))
      }
    }
    return lines
  }

  static let helpTitle = "help · 說明 · any key closes it"

  /// The help in one column when it fits the screen's height, else in two side by side.
  static func drawHelp(_ state: ReaderState, frame: inout Frame) {
    let lines = helpLines()
    let rows = max(1, frame.height - 4)
    guard lines.count > rows else {
      drawBox(title: helpTitle, lines: lines.map { [$0] }, frame: &frame)
      return
    }
    let half = (lines.count + 1) / 2
    let columnWidth = max(1, (min(frame.width - 2, Self.wideBox) - 4) / 2)
    let joined = (0..<half).map { index -> [StyledText] in
      var left = lines[index]
      left.text = TextFitting.truncate(left.text, to: columnWidth - 1)
      let pad = String(repeating: " ", count: max(1, columnWidth - DisplayWidth.of(left.text)))
      let right = index + half < lines.count ? [lines[index + half]] : []
      return [left, StyledText(pad)] + right
    }
    drawBox(title: helpTitle, lines: joined, maxWidth: Self.wideBox, frame: &frame)
  }

  /// The faction panel; what is not found or counted yet says so and fills in on a later frame.
  static func drawFactions(_ state: ReaderState, selection: Int, frame: inout Frame) {
    guard let found = state.factions.foundSummary, let summary = found else {
      let note = state.factions.foundSummary == nil ? FactionNavigation.finding : FactionReport.noFactions
      let lines = [[StyledText(note)], [StyledText("Esc close", style: .dim)]]
      drawBox(title: "factions · 派系", lines: lines, frame: &frame)
      return
    }
    let box = boxRect(frame: frame, contentHeight: summary.factions.count * 4 + 1)
    let inner = max(1, box.width - 4)
    var lines: [[StyledText]] = []
    for index in summary.factions.indices {
      let counted = state.factions.countedMentions(of: index, state.setting)
      let name = state.factions.name(of: index, state.setting)
      let style: TextStyle = index == selection ? [.reverse, .bold] : .bold
      lines.append([
        StyledText((index == selection ? "▸ " : "  ") + name, style: style),
        StyledText(counted.map { "  \($0.count) mentions" } ?? "  counting mentions…"),
      ])
      let summaryText = state.factions.summaryText(of: index, state.setting)
      let wrapped = LineBreaker(width: inner - 2).wrap([InlineRun(summaryText)], leaf: 0).prefix(2)
      for line in wrapped { lines.append([StyledText("  ")] + line.spans) }
      var sections: [String] = []
      for section in state.factions.countedSections(of: index, state.setting) ?? [] {
        let title = section.map { state.title(ofEntry: $0) } ?? "—"
        if !sections.contains(title) { sections.append(title) }
      }
      lines.append([
        StyledText(counted == nil ? "" : "  in: " + sections.joined(separator: " · "), style: .dim)
      ])
    }
    lines.append([StyledText("↑↓ choose · Enter jump · m mentions · Esc close", style: .dim)])
    drawBox(title: "factions · 派系", lines: lines, frame: &frame)
  }

  /// The widest a two-column help box gets.
  private static let wideBox = 110

  private static func boxRect(frame: Frame, contentHeight: Int, maxWidth: Int = 76) -> Rect {
    let width = min(frame.width - 2, maxWidth)
    let height = min(frame.height - 2, contentHeight + 2)
    return Rect(
      x: (frame.width - width) / 2, y: max(0, (frame.height - 1 - height) / 2), width: width, height: height)
  }

  private static func drawBox(title: String, lines: [[StyledText]], maxWidth: Int = 76, frame: inout Frame) {
    guard frame.width >= 6 && frame.height >= 4 else { return }
    let box = boxRect(frame: frame, contentHeight: lines.count, maxWidth: maxWidth)
    let inner = box.width - 2
    let heading = TextFitting.truncate(" " + title + " ", to: max(0, inner - 2))
    let top =
      "┌─" + heading + String(repeating: "─", count: max(0, inner - 1 - DisplayWidth.of(heading))) + "┐"
    frame.write([StyledText(top)], row: box.y, column: box.x, limit: box.width)
    for row in 1..<(box.height - 1) {
      frame.write(
        [StyledText("│" + String(repeating: " ", count: inner) + "│")], row: box.y + row, column: box.x,
        limit: box.width)
      let index = row - 1
      if index < lines.count {
        frame.write(lines[index], row: box.y + row, column: box.x + 2, limit: inner - 2)
      }
    }
    let bottom = "└" + String(repeating: "─", count: inner) + "┘"
    frame.write([StyledText(bottom)], row: box.y + box.height - 1, column: box.x, limit: box.width)
  }
}
