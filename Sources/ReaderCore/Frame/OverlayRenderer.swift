/// Draws the panels that open over the panes: the key help and the faction panel.
enum OverlayRenderer {
  /// The help: its lines from `HelpLayout`, scrolled to the state's help line, with which lines
  /// show (`21–40 of 93`) in the bottom border.
  static func drawHelp(_ state: ReaderState, frame: inout Frame) {
    let layout = HelpLayout(
      size: TerminalSize(width: frame.width, height: frame.height), language: state.language)
    let box = layout.box
    guard box.width >= 6 && box.height >= 3 else { return }
    let top = min(state.helpTop, layout.maxTop)
    let shown = Array(layout.lines.dropFirst(top).prefix(layout.visibleRows))
    let position = InterfaceText.helpPosition(
      first: top + 1, last: top + shown.count, total: layout.lines.count)
    drawBox(
      title: InterfaceText.helpTitle.text(in: state.language), footer: position.text(in: state.language),
      lines: shown.map { [$0] }, in: box, frame: &frame)
  }

  /// The faction panel; what is not found or counted yet says so and fills in on a later frame.
  static func drawFactions(_ state: ReaderState, selection: Int, frame: inout Frame) {
    let language = state.language
    guard let found = state.factions.foundSummary, let summary = found else {
      let note: Message = state.factions.foundSummary == nil ? .findingFactions : .noFactions
      let lines = [
        [StyledText(note.text(in: language))],
        [StyledText(InterfaceText.closeKey.text(in: language), style: .dim)],
      ]
      drawBox(title: InterfaceText.factionsTitle.text(in: language), lines: lines, frame: &frame)
      return
    }
    let box = boxRect(frame: frame, contentHeight: summary.factions.count * 4 + 1)
    let inner = max(1, OverlayRenderer.contentWidth(ofBox: box.width))
    var lines: [[StyledText]] = []
    for index in summary.factions.indices {
      // Titles take at least the separator's three columns each, so the first `inner` fill the line.
      let counted = state.factions.mentionCount(of: index, state.setting, sectionLimit: inner)
      let name = state.factions.name(of: index, state.setting)
      let style: TextStyle = index == selection ? [.reverse, .bold] : .bold
      // What does not fit the box is cut with an ellipsis, the count kept before the name.
      let countText: InterfaceText =
        counted.map { $0.isComplete ? .mentionCount($0.count) : .mentionCountSoFar($0.count) }
        ?? .countingMentions
      let count = "  " + countText.text(in: language)
      let fittedCount = TextFitting.truncate(count, to: inner)
      let marked = (index == selection ? "▸ " : "  ") + name
      lines.append([
        StyledText(
          TextFitting.truncate(marked, to: max(0, inner - DisplayWidth.of(fittedCount))), style: style),
        StyledText(fittedCount),
      ])
      let summaryText = state.factions.summaryText(of: index, state.setting)
      let wrapped = LineBreaker(width: inner - 2).wrap([InlineRun(summaryText)], leaf: 0).prefix(2)
      for line in wrapped { lines.append([StyledText("  ")] + line.spans) }
      var sections: [String] = []
      for section in counted?.sections ?? [] {
        let title = section.map { state.title(ofEntry: $0) } ?? "—"
        if !sections.contains(title) { sections.append(title) }
      }
      lines.append([
        StyledText(
          counted == nil
            ? ""
            : TextFitting.truncate(
              "  " + InterfaceText.inSections.text(in: language) + sections.joined(separator: " · "),
              to: inner),
          style: .dim)
      ])
    }
    lines.append([
      StyledText(TextFitting.truncate(InterfaceText.factionKeys.text(in: language), to: inner), style: .dim)
    ])
    drawBox(title: InterfaceText.factionsTitle.text(in: language), lines: lines, frame: &frame)
  }

  /// The columns inside a box `width` wide, its borders and a space on each side left out.
  static func contentWidth(ofBox width: Int) -> Int {
    width - 2 * DisplayWidth.of("│") - 2
  }

  private static func boxRect(frame: Frame, contentHeight: Int, maxWidth: Int = 76) -> Rect {
    let width = min(frame.width - 2, maxWidth)
    let height = min(frame.height - 2, contentHeight + 2)
    return Rect(
      x: (frame.width - width) / 2, y: max(0, (frame.height - 1 - height) / 2), width: width, height: height)
  }

  private static func drawBox(title: String, lines: [[StyledText]], frame: inout Frame) {
    guard frame.width >= 6 && frame.height >= 4 else { return }
    drawBox(title: title, lines: lines, in: boxRect(frame: frame, contentHeight: lines.count), frame: &frame)
  }

  /// A box with `title` in its top border and `footer`, if any, in its bottom one; the lines
  /// that do not fit inside are left out, and none is drawn past the box.
  private static func drawBox(
    title: String, footer: String? = nil, lines: [[StyledText]], in box: Rect, frame: inout Frame
  ) {
    // The border's lines take two columns each where ambiguous characters are wide.
    let edge = DisplayWidth.of("│")
    guard box.width >= 4 * edge + 2 && box.height >= 3 else { return }
    let inner = box.width - 2 * edge
    let heading = TextFitting.truncate(" " + title + " ", to: max(0, inner - 2 * edge))
    let top =
      "┌" + TextFitting.rule("─", columns: edge) + heading
      + TextFitting.rule("─", columns: inner - edge - DisplayWidth.of(heading)) + "┐"
    frame.write([StyledText(top)], row: box.y, column: box.x, limit: box.width)
    for row in 1..<(box.height - 1) {
      frame.write(
        [StyledText("│" + String(repeating: " ", count: inner) + "│")], row: box.y + row, column: box.x,
        limit: box.width)
      let index = row - 1
      if index < lines.count {
        frame.write(
          lines[index], row: box.y + row, column: box.x + edge + 1, limit: contentWidth(ofBox: box.width))
      }
    }
    let label = footer.map { TextFitting.truncate(" " + $0 + " ", to: max(0, inner - 2 * edge)) } ?? ""
    let bottom =
      "└" + TextFitting.rule("─", columns: inner - edge - DisplayWidth.of(label)) + label
      + TextFitting.rule("─", columns: edge) + "┘"
    frame.write([StyledText(bottom)], row: box.y + box.height - 1, column: box.x, limit: box.width)
  }
}
