/// What `/`, the search prompt, `n` and `N` do to the state.
enum SearchNavigation {
  /// `/`: opens the prompt (an earlier query is kept for n/N until a new one is typed).
  static func start(_ state: inout ReaderState) {
    state.search = SearchState()
    state.overlay = nil
  }

  /// A key while the prompt is open: edit the query, or finish with Enter / Esc.
  static func edit(_ key: Key, on state: inout ReaderState) {
    guard var search = state.search else { return }
    switch Keymap.command(for: key, in: .searchPrompt) {
    case .submitSearch:
      search.isEditing = false
      state.search = search
      refresh(&state)
      jump(&state, forward: true, fromTop: true)
      return
    case .cancelSearch:
      state.search = nil
      return
    case .deleteSearchCharacter:
      if search.query.isEmpty {
        state.search = nil
        return
      }
      search.query.removeLast()
    default:
      switch key {
      case .character(let character): search.query.append(character)
      default: return
      }
    }
    search.results = nil
    search.current = nil
    state.search = search
    refresh(&state)
  }

  /// Runs the query against the index if it is built (it never waits for one being built).
  /// When a first match was shown before, it gets its place in the count (`match 2/9`); when
  /// Enter was waiting for one, the search goes to it now.
  static func refresh(_ state: inout ReaderState) {
    guard var search = state.search, search.results == nil else { return }
    guard let index = state.searchIndexes.builtIndex(for: state.setting) else { return }
    let results = index.results(for: search.query)
    search.results = results
    state.search = search
    guard !search.isEditing else { return }
    if let found = search.firstFound, let position = results.matches.firstIndex(of: found.match) {
      state.search?.current = position
      state.search?.awaitsFirstMatch = false
      state.statusMessage = .match(
        index: position + 1, count: results.count, wrapped: found.wrapped ? .toTop : nil)
    } else if search.awaitsFirstMatch {
      state.search?.awaitsFirstMatch = false
      jump(&state, forward: true, fromTop: true)
    }
  }

  /// Shows the first match found by the background scan while the count is still being made
  /// (`match …/…`); ignored when the query changed or the results came first.
  static func show(_ found: FirstMatchScan.Found?, of query: String, on state: inout ReaderState) {
    guard let search = state.search, search.query == query, !search.isEditing, search.results == nil,
      search.awaitsFirstMatch, search.firstFound == nil
    else { return }
    guard let found else {
      state.search?.awaitsFirstMatch = false
      state.statusMessage = .noMatch(query: query)
      return
    }
    state.search?.firstFound = found
    let layout = state.bodyLayout
    let anchor = found.match.anchor(in: layout)
    let bottom = layout.move(state.anchor, by: max(0, state.geometry.body.height - 1))
    if anchor < state.anchor || anchor > bottom { Reducer.show(layout.move(anchor, by: -2), on: &state) }
    state.statusMessage = .matchCounting(wrapped: found.wrapped)
  }

  /// `n` (forward) and `N`: the next or previous match, wrapping with a note.
  static func jump(_ state: inout ReaderState, forward: Bool, fromTop: Bool = false) {
    guard let search = state.search, !search.query.isEmpty else {
      state.statusMessage = .noSearchYet
      return
    }
    guard let results = search.results else {
      if search.firstFound != nil && !fromTop {
        state.statusMessage = .countingMatches
      } else {
        state.search?.awaitsFirstMatch = true
        state.statusMessage = .searching
      }
      return
    }
    guard !results.isEmpty else {
      state.statusMessage = .noMatch(query: search.query)
      return
    }
    let step: SearchResults.Step?
    let layout = state.bodyLayout
    if let current = search.current, !fromTop {
      step = forward ? results.match(after: current) : results.match(before: current)
    } else {
      step =
        forward
        ? results.firstMatch(atOrAfter: state.anchor, in: layout)
        : results.lastMatch(before: state.anchor, in: layout)
    }
    guard let step else { return }
    state.search?.current = step.index
    revealSideways(step.match, on: &state)
    let shown = state.bodyLayout
    let anchor = step.match.anchor(in: shown)
    let height = state.geometry.body.height
    let bottom = shown.move(state.anchor, by: max(0, height - 1))
    if anchor < state.anchor || anchor > bottom { Reducer.show(shown.move(anchor, by: -2), on: &state) }
    state.statusMessage = .match(
      index: step.index + 1, count: results.count,
      wrapped: step.wrapped ? (forward ? .toTop : .toBottom) : nil)
  }

  /// With code lines chopped, scrolls the body sideways (as Left/Right do) so that a match in a
  /// code line off to the left or right of the screen comes into view. A chopped code line takes
  /// one row whatever the shift, so the rows, and the anchor, stay as they are.
  private static func revealSideways(_ match: SearchMatch, on state: inout ReaderState) {
    guard case .chopped(let shift) = state.codeLines, match.topIndex < state.document.blocks.count,
      let text = codeText(leaf: match.leafID, in: state.document.blocks[match.topIndex])
    else { return }
    let clusters = Cluster.clusters(of: [InlineRun(text)])
    guard match.offset < clusters.count else { return }
    var lineStart = match.offset
    while lineStart > 0 && !clusters[lineStart - 1].isNewline { lineStart -= 1 }
    let column = clusters[lineStart..<match.offset].reduce(0) { $0 + $1.width }
    let end = min(clusters.count, match.offset + match.length)
    let width = clusters[match.offset..<end].reduce(0) { $0 + $1.width }
    // The rule, indentation and the « » marks take a few columns of the body.
    let room = max(1, state.geometry.body.width - 6)
    if column >= shift && column + width <= shift + room { return }
    state.codeLines = .chopped(shift: max(0, column - room / 3))
  }

  /// The text of code block `leaf` inside `block`, or nil when the leaf is not a code block.
  private static func codeText(leaf: Int, in block: Block) -> String? {
    if block.id == leaf {
      if case .code(_, let text) = block.kind { return text }
      return nil
    }
    for child in block.children {
      if let text = codeText(leaf: leaf, in: child) { return text }
    }
    return nil
  }
}
