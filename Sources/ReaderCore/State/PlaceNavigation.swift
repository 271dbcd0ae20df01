/// Places the reader can name: marks (`m a`, `' a`, `''`), a percentage (`50%`, `50p`) and a
/// heading by number (`12g`), as in less.
enum PlaceNavigation {
  /// What the status line says while `m` or `'` waits for its letter.
  static func prompt(for prefix: KeyPrefix) -> Message {
    switch prefix {
    case .setMark: return .markPrompt
    case .jumpToMark: return .markJumpPrompt
    case .fold: return .foldPrompt
    }
  }

  /// The key after `m` or `'`.
  static func complete(_ prefix: KeyPrefix, with key: Key, on state: inout ReaderState) {
    if key == .escape { return }
    switch (prefix, key) {
    case (.jumpToMark, .character("'")):
      goBack(&state)
    case (.setMark, .character(let letter)) where isMarkName(letter):
      state.marks[letter] = state.place
      state.statusMessage = .markSet(letter: letter, percent: percent(state), section: section(state))
    case (.jumpToMark, .character(let letter)) where isMarkName(letter):
      guard let place = state.marks[letter] else {
        state.statusMessage = .markNotSet(letter: letter)
        return
      }
      jump(to: place, on: &state)
      state.statusMessage = .atMark(letter: letter, percent: percent(state), section: section(state))
    default:
      switch prefix {
      case .setMark: state.statusMessage = .notAMarkName(key: key.description)
      case .jumpToMark: state.statusMessage = .notAMarkToGoTo(key: key.description)
      case .fold: break
      }
    }
  }

  /// Marks are named by ASCII letters, as in less.
  static func isMarkName(_ character: Character) -> Bool {
    character.isASCII && character.isLetter
  }

  /// `''`: back to where the last jump left from; pressed again, back to the jump's end.
  private static func goBack(_ state: inout ReaderState) {
    guard let place = state.placeBeforeJump else {
      state.statusMessage = .noJumpYet
      return
    }
    jump(to: place, on: &state)
    state.statusMessage = .backTo(percent: percent(state), section: section(state))
  }

  /// `N%` and `Np`: the first line at least N percent into the document (as the status line
  /// counts), the end at 100.
  static func jumpToPercent(_ count: Int?, on state: inout ReaderState) {
    guard let count else {
      state.statusMessage = .percentWithoutCount
      return
    }
    let layout = state.bodyLayout
    let wanted = min(100, count)
    let target: Anchor
    if wanted >= 100 || layout.blockCount == 0 {
      target = layout.lastAnchor(height: state.geometry.body.height)
    } else {
      target = layout.firstAnchor(atPercent: wanted)
    }
    Reducer.reveal(target, on: &state)
    state.statusMessage = .wentTo(percent: percent(state), section: section(state))
  }

  /// `Ng`: outline entry N (counting from 1) at the top of the body.
  static func jumpToHeading(_ number: Int, on state: inout ReaderState) {
    let outline = state.document.outline
    guard !outline.isEmpty else {
      state.statusMessage = .noHeadings
      return
    }
    let index = min(max(1, number), outline.count) - 1
    Reducer.reveal(state.bodyLayout.anchor(of: outline[index]), on: &state)
    state.statusMessage = .heading(index: index + 1, count: outline.count, title: state.title(ofEntry: index))
  }

  /// Shows `place` at the top of the body.
  private static func jump(to place: TextPosition, on state: inout ReaderState) {
    let layout = state.bodyLayout
    guard layout.blockCount > 0 else { return }
    let block = min(place.block, layout.blockCount - 1)
    Reducer.reveal(layout.anchor(block: block, key: place.key), on: &state)
  }

  /// How far the body is, as the status line counts.
  static func percent(_ state: ReaderState) -> Int {
    state.bodyLayout.percent(at: state.anchor, height: state.geometry.body.height)
  }

  /// The title of the section the body shows, nil in the preface.
  static func section(_ state: ReaderState) -> String? {
    state.currentEntry.map { state.title(ofEntry: $0) }
  }
}
