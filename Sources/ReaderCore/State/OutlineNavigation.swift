/// What the outline's own keys do: move through the rows it lists, fold levels and branches
/// (`z1`…`z9`, `z0`, `za`), filter by title (`&`) and change its share of the width (`<`, `>`).
enum OutlineNavigation {
  /// The least and the most of the width the outline takes once the reader sets its share.
  static let shares = 10...90
  /// How much `<` and `>` change the share, in percent of the width.
  static let shareStep = 5

  /// Up/Down and the page keys in the outline: `delta` rows from the selected one.
  static func move(_ state: inout ReaderState, by delta: Int) {
    selectRow(state.outlineRow(ofEntry: state.selection) + delta, on: &state)
  }

  /// Selects the entry the outline lists at `row` (kept in range) and brings it to the body's top.
  static func selectRow(_ row: Int, on state: inout ReaderState) {
    let count = state.outlineRowCount
    guard count > 0 else { return }
    Reducer.select(&state, entry: state.outlineEntry(atRow: min(max(0, row), count - 1)))
  }

  /// The key after `z`.
  static func fold(_ key: Key, on state: inout ReaderState) {
    guard !state.document.outline.isEmpty else {
      state.statusMessage = .noHeadings
      return
    }
    switch Keymap.command(for: key, in: .fold) {
    case .foldToLevel:
      guard case .character(let character) = key, let level = character.wholeNumberValue else { return }
      state.outlineFold = OutlineFold(level: level)
      state.statusMessage = .outlineLevels(level)
    case .unfoldAll:
      state.outlineFold = OutlineFold()
      state.statusMessage = .outlineAllLevels
    case .toggleBranch:
      toggleBranch(&state)
    default:
      if key != .escape { state.statusMessage = .notAFoldKey(key: key.description) }
      return
    }
    refollow(&state)
  }

  /// `za`: folds the selected heading's branch, or unfolds it; on a heading without children,
  /// folds the branch it is in and selects the heading of that branch.
  private static func toggleBranch(_ state: inout ReaderState) {
    let tree = state.outlineRowsCache.outlineTree()
    var entry = state.selection
    if !tree.hasChildren(entry) {
      guard tree.parent[entry] >= 0 else {
        state.statusMessage = .nothingToFold
        return
      }
      entry = tree.parent[entry]
      state.selection = entry
    }
    state.outlineFold.toggled.formSymmetricDifference([entry])
    let folded = state.outlineFold.isFolded(entry, in: tree)
    let title = state.title(ofEntry: entry)
    state.statusMessage = folded ? .folded(title: title) : .unfolded(title: title)
  }

  /// After the rows changed: the selection is on a listed row (the heading a fold put it under)
  /// and on screen; the body stays where it is.
  private static func refollow(_ state: inout ReaderState) {
    if state.outlineRowCount > 0 {
      state.selection = state.outlineEntry(atRow: state.outlineRow(ofEntry: state.selection))
    }
    Reducer.keepSelectionVisible(&state)
  }

  /// `&`: the filter prompt, on the status line; the outline is shown and takes the focus.
  static func startFilter(_ state: inout ReaderState) {
    guard !state.document.outline.isEmpty else {
      state.statusMessage = .noHeadings
      return
    }
    Reducer.keepingPlace(&state) { $0.outlineVisible = true }
    state.outlineFilter = OutlineFilter(query: state.outlineFilter?.query ?? "")
    if state.geometry.outline != nil { state.focus = .outline }
    refollow(&state)
  }

  /// A key while the filter is typed: the outline narrows with each character; Up/Down choose
  /// among the headings it lists, Enter keeps the filter and reads the selected one, Esc (or
  /// Enter on nothing) clears it.
  static func editFilter(_ key: Key, on state: inout ReaderState) {
    guard var filter = state.outlineFilter else { return }
    switch Keymap.command(for: key, in: .outlineFilter) {
    case .submitFilter:
      if filter.query.isEmpty {
        clearFilter(&state)
        return
      }
      filter.isEditing = false
      state.outlineFilter = filter
      if state.outlineRows?.entries.isEmpty == false {
        Reducer.select(&state, entry: state.selection)
        state.focus = .body
      }
      return
    case .cancelFilter:
      clearFilter(&state)
      return
    case .lineUp, .lineDown:
      move(&state, by: Keymap.command(for: key, in: .outlineFilter) == .lineUp ? -1 : 1)
      return
    case .deleteFilterCharacter:
      if filter.query.isEmpty {
        clearFilter(&state)
        return
      }
      filter.query.removeLast()
    default:
      guard case .character(let character) = key else { return }
      filter.query.append(character)
    }
    state.outlineFilter = filter
    state.outlineTop = 0
    guard let rows = state.outlineRows, !rows.entries.isEmpty else {
      refollow(&state)
      return
    }
    // The first heading that matches (not one listed only as context), or the selected one if it still does.
    let matching = rows.entries.filter { !rows.context.contains($0) }
    let keep = matching.contains(state.selection)
    state.selection = keep ? state.selection : (matching.first ?? rows.entries[0])
    Reducer.keepSelectionVisible(&state)
  }

  private static func clearFilter(_ state: inout ReaderState) {
    state.outlineFilter = nil
    refollow(&state)
  }

  /// `<` and `>`: the outline's share of the terminal's width, five points at a time, kept by a
  /// resize.
  static func changeShare(_ state: inout ReaderState, wider: Bool) {
    let columns = max(1, state.size.width)
    let width = state.geometry.outline?.width ?? PaneGeometry(size: state.size).outline?.width ?? 16
    let current = state.outlineShare ?? (width * 100 + columns / 2) / columns
    let share = min(max(shares.lowerBound, current + (wider ? shareStep : -shareStep)), shares.upperBound)
    Reducer.keepingPlace(&state) { $0.outlineShare = share }
    state.statusMessage = .outlineShare(share)
  }
}
