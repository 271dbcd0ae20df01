/// Draws a state into a frame: outline, divider, body and status line.
public enum FrameRenderer {
  public static func render(_ state: ReaderState) -> Frame {
    var frame = Frame(size: state.size)
    let geometry = state.geometry
    if geometry.isTooSmall {
      frame.write(
        [StyledText(TextFitting.truncate("terminal too small", to: state.size.width))], row: 0, column: 0,
        limit: state.size.width)
      return frame
    }
    if let outline = geometry.outline { drawOutline(state, in: outline, frame: &frame) }
    if let divider = geometry.dividerColumn {
      for row in 0..<geometry.body.height {
        frame.write([StyledText("│", style: .dim)], row: row, column: divider, limit: 1)
      }
    }
    drawBody(state, in: geometry.body, frame: &frame)
    drawStatus(state, row: geometry.statusRow, frame: &frame)
    return frame
  }

  private static func drawOutline(_ state: ReaderState, in rect: Rect, frame: inout Frame) {
    let entries = state.document.outline.entries
    for row in 0..<rect.height {
      let index = state.outlineTop + row
      guard index < entries.count else { break }
      let entry = entries[index]
      let indent = String(repeating: " ", count: min(rect.width / 2, 2 * (entry.level - 1)))
      let title = TextFitting.truncate(indent + entry.title, to: rect.width)
      let selected = index == state.selection
      let style: TextStyle = selected ? (state.focus == .outline ? [.reverse, .bold] : .reverse) : []
      frame.write([StyledText(title, style: style)], row: rect.y + row, column: rect.x, limit: rect.width)
      if selected { frame.fill(row: rect.y + row, from: rect.x, to: rect.x + rect.width, style: .reverse) }
    }
  }

  private static func drawBody(_ state: ReaderState, in rect: Rect, frame: inout Frame) {
    let lines = state.bodyLayout.lines(from: state.anchor, count: rect.height)
    for (row, line) in lines.enumerated() {
      frame.write(line.spans, row: rect.y + row, column: rect.x, limit: rect.width)
    }
  }

  private static func drawStatus(_ state: ReaderState, row: Int, frame: inout Frame) {
    let width = state.size.width
    let percent = state.bodyLayout.percent(at: state.anchor, height: state.geometry.body.height)
    let right = " \(percent)%  \(state.focus.rawValue) "
    var left = " " + state.document.title
    if let message = state.message {
      left += "  " + message
    } else if let entry = state.currentEntry {
      left += " › " + state.document.outline[entry].title
    }
    let rightWidth = DisplayWidth.of(right)
    let leftText = TextFitting.truncate(left, to: max(0, width - rightWidth))
    frame.write([StyledText(leftText)], row: row, column: 0, limit: width)
    if width - rightWidth >= 0 {
      frame.write([StyledText(right)], row: row, column: width - rightWidth, limit: rightWidth)
    }
    frame.fill(row: row, from: 0, to: width, style: .reverse)
  }
}
