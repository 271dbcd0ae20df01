/// What the mouse does: the wheel scrolls the pane under the pointer, a press focuses a pane and
/// chooses the outline entry under it; in the body a press on a link selects it (the status line
/// says where it leads, a note's text), and a press on the selected link follows it, as Enter.
enum MouseNavigation {
  static let wheelLines = 3

  static func handle(_ event: MouseEvent, on state: inout ReaderState) {
    if state.overlay == .help, event.kind != .press {
      Reducer.scrollHelp(by: event.kind == .wheelUp ? -wheelLines : wheelLines, on: &state)
      return
    }
    guard state.overlay == nil else { return }
    let geometry = state.geometry
    let inOutline = geometry.outline.map { contains($0, event) } ?? false
    let inBody = contains(geometry.bodyPane, event)
    switch event.kind {
    case .wheelUp, .wheelDown:
      let delta = event.kind == .wheelUp ? -wheelLines : wheelLines
      if inOutline {
        let height = geometry.outline?.height ?? 1
        let last = max(0, state.outlineRowCount - height)
        state.outlineTop = min(max(0, state.outlineTop + delta), last)
      } else if inBody {
        Reducer.scroll(&state, by: delta)
      }
    case .press:
      if inOutline, let outline = geometry.outline {
        state.focus = .outline
        let row = state.outlineTop + event.row - outline.y
        if row < state.outlineRowCount { Reducer.select(&state, entry: state.outlineEntry(atRow: row)) }
      } else if inBody {
        state.focus = .body
        let link = LinkNavigation.link(atColumn: event.column, row: event.row, in: state)
        if let link, link == state.selectedLink {
          LinkNavigation.follow(&state)
        } else {
          state.selectedLink = link
        }
      }
    }
  }

  private static func contains(_ rect: Rect, _ event: MouseEvent) -> Bool {
    event.column >= rect.x && event.column < rect.x + rect.width && event.row >= rect.y
      && event.row < rect.y + rect.height
  }
}
