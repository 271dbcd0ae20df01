import Foundation
import XCTest

@testable import ReaderCore

/// Places the reader can name: marks (`m a`, `' a`, `''`), `N%` / `Np`, `Ng`, and the note on
/// reopening.
final class PlaceNavigationTests: XCTestCase {
  private func start(_ width: Int = 100, _ height: Int = 30) -> ReaderState {
    ReaderState(document: Fixtures.article, size: TerminalSize(width: width, height: height))
  }

  private func topLine(_ state: ReaderState) -> String {
    state.bodyLayout.lines(from: state.anchor, count: 1).first?.text ?? ""
  }

  private func percent(_ state: ReaderState) -> Int {
    state.bodyLayout.percent(at: state.anchor, height: state.geometry.body.height)
  }

  private func statusLine(_ state: ReaderState) -> String {
    let frame = FrameRenderer.render(state)
    return frame.text(ofRow: frame.height - 1)
  }

  private func digits(_ number: Int) -> [Key] {
    String(number).map { Key.character($0) }
  }

  private func press(_ keys: [Key], on state: ReaderState) -> ReaderState {
    keys.reduce(state) { Reducer.reduce($0, .key($1)) }
  }

  func testGAtTheEndOfALongNovelSays100PercentFromEitherPane() {
    let chapter = String(repeating: "　　" + String(repeating: "賈雨村言，假語村言。", count: 12) + "\n\n", count: 40)
    let text = (1...60).map { "第\($0)回　第\($0)個故事\n\n" + chapter }.joined()
    let novel = PlainTextParser().parse(text, title: "長篇.txt")
    XCTAssertEqual(novel.outline.count, 60)
    let opened = ReaderState(document: novel, size: TerminalSize(width: 80, height: 24))
    XCTAssertEqual(opened.focus, .outline)
    for keys in [[Key.character("G")], [.tab, .character("G")]] {
      let end = press(keys, on: opened)
      XCTAssertTrue(statusLine(end).contains("  100%  "), "after \(keys): \(statusLine(end))")
      XCTAssertEqual(end.anchor, end.bodyLayout.lastAnchor(height: end.geometry.body.height))
      XCTAssertTrue(statusLine(end).contains("› 第60回"), statusLine(end))
    }
    XCTAssertEqual(press([.character("G")], on: opened).selection, 59, "the last chapter is selected")
  }

  func testAMarkBringsBackTheSameTextAtTheTop() {
    var current = press([.tab] + Array(repeating: .pageDown, count: 3), on: start())
    let marked = topLine(current)
    current = press([.character("m")], on: current)
    XCTAssertEqual(current.message, "m: a letter names the mark")
    XCTAssertTrue(current.takesNextKeyAsText, "the letter is not a command (r would reload)")
    current = press([.character("r")], on: current)
    XCTAssertEqual(current.marks.keys.sorted(), ["r"])
    XCTAssertTrue(
      current.message?.hasPrefix("mark r set at \(percent(current))%") ?? false, "\(current.message ?? "")")
    XCTAssertTrue(statusLine(current).contains("mark r set at"))
    current = press([.character("g")], on: current)
    XCTAssertNotEqual(topLine(current), marked)
    current = press([.character("'"), .character("r")], on: current)
    XCTAssertEqual(topLine(current), marked)
    XCTAssertEqual(current.focus, .body)
    let title = current.title(ofEntry: current.currentEntry ?? 0)
    XCTAssertEqual(current.message, "mark r: \(percent(current))% · \(title)")
  }

  func testMarksAreLettersAndTheWrongKeySaysSo() {
    var current = press([.character("m"), .character("1")], on: start())
    XCTAssertEqual(current.message, "a mark is a letter, a–z or A–Z (not 1)")
    XCTAssertTrue(current.marks.isEmpty)
    XCTAssertFalse(current.takesNextKeyAsText)
    current = press([.character("m"), .escape], on: current)
    XCTAssertNil(current.message, "Esc cancels quietly")
    XCTAssertTrue(current.marks.isEmpty)
    current = press([.character("'"), .character("q")], on: current)
    XCTAssertEqual(current.message, "mark q is not set (m q sets it)")
    XCTAssertTrue(current.isRunning, "q after ' names a mark, it does not quit")
    current = press([.character("'"), .down], on: current)
    XCTAssertEqual(current.message, "' goes to a mark, a–z or A–Z, or '' back (not Down)")
    current = press([.character("m"), .character("A"), .character("m"), .character("a")], on: current)
    XCTAssertEqual(current.marks.keys.sorted(), ["A", "a"], "upper and lower case are two marks")
  }

  func testQuoteQuoteGoesBackToBeforeTheLastJumpAndAgainReturns() {
    var current = press([.character("'"), .character("'")], on: start())
    XCTAssertEqual(current.message, "no jump to go back from yet")
    current = press([.tab, .pageDown], on: current)
    let before = topLine(current)
    current = press(digits(60) + [.character("%")], on: current)
    let after = topLine(current)
    XCTAssertNotEqual(before, after)
    current = press([.character("'"), .character("'")], on: current)
    XCTAssertEqual(topLine(current), before)
    XCTAssertTrue(current.message?.hasPrefix("back to ") ?? false)
    current = press([.character("'"), .character("'")], on: current)
    XCTAssertEqual(topLine(current), after, "'' again returns to the jump's end")
  }

  func testAPercentageGoesThatFarAsTheStatusLineCounts() {
    for size in [TerminalSize(width: 100, height: 30), TerminalSize(width: 60, height: 20)] {
      let state = start(size.width, size.height)
      let last = state.bodyLayout.lastAnchor(height: state.geometry.body.height)
      for value in [1, 10, 25, 33, 50, 61, 75] {
        let jumped = press(digits(value) + [.character("%")], on: state)
        if jumped.anchor < last {
          XCTAssertEqual(percent(jumped), value, "\(value)% at \(size)")
          let earlier = jumped.bodyLayout.move(jumped.anchor, by: -1)
          XCTAssertLessThan(percent(Reducer.reduce(jumped, .resize(size)).with(anchor: earlier)), value)
        }
        XCTAssertTrue(statusLine(jumped).contains("went to \(percent(jumped))%"), statusLine(jumped))
        XCTAssertEqual(press(digits(value) + [.character("p")], on: state).anchor, jumped.anchor, "Np is N%")
      }
      XCTAssertEqual(press(digits(0) + [.character("%")], on: press([.pageDown], on: state)).anchor, .top)
      XCTAssertEqual(press(digits(100) + [.character("%")], on: state).anchor, last)
      XCTAssertEqual(press(digits(250) + [.character("p")], on: state).anchor, last)
    }
    let bare = press([.character("%")], on: start())
    XCTAssertEqual(bare.message, "type the percentage first: 50% goes halfway")
    XCTAssertEqual(bare.anchor, .top)
  }

  func testACountBeforeGGoesToThatHeading() {
    let entries = Fixtures.article.outline.entries
    var current = press(digits(3) + [.character("g")], on: start())
    XCTAssertEqual(topLine(current), entries[2].title)
    XCTAssertEqual(current.selection, 2)
    XCTAssertEqual(current.currentEntry, 2)
    XCTAssertEqual(current.focus, .body)
    XCTAssertEqual(current.message, "heading 3/\(entries.count): \(entries[2].title)")
    current = press(digits(999) + [.character("G")], on: current)
    XCTAssertEqual(current.currentEntry, entries.count - 1, "past the last: the last heading")
    XCTAssertEqual(current.selection, entries.count - 1)
    current = press([.character("g")], on: current)
    XCTAssertEqual(current.anchor, .top, "g without a count is still the top")
  }

  func testAMarkKeepsItsTextAcrossAResize() {
    var current = press(
      [.tab] + Array(repeating: .pageDown, count: 4) + [.character("m"), .character("b")], on: start())
    let marked = topLine(current)
    current = Reducer.reduce(
      press([.character("g")], on: current), .resize(TerminalSize(width: 60, height: 20)))
    current = press([.character("'"), .character("b")], on: current)
    let narrow = current.bodyLayout.lines(from: current.anchor, count: 3).map(\.text).joined()
    XCTAssertTrue(
      narrow.hasPrefix(String(marked.prefix(8))) || marked.hasPrefix(String(narrow.prefix(8))), narrow)
  }

  func testReopeningRestoresTheMarksAndSaysWhere() throws {
    var reading = press(
      [.tab] + Array(repeating: .pageDown, count: 3) + [.character("m"), .character("c")], on: start())
    reading = press([.pageDown], on: reading)
    let position = ReadingPosition(
      position: reading.place, script: .original, outlineVisible: true, marks: reading.marks)
    let saved = try JSONDecoder().decode(ReadingPosition.self, from: JSONEncoder().encode(position))
    XCTAssertEqual(saved.markPlaces, reading.marks)
    let reopened = Reducer.reduce(start(), .restore(saved))
    XCTAssertEqual(reopened.anchor, reading.anchor)
    XCTAssertEqual(reopened.marks, reading.marks)
    let title = reopened.title(ofEntry: try XCTUnwrap(reopened.currentEntry))
    XCTAssertEqual(reopened.message, "resumed at \(percent(reading))% · \(title)")
    XCTAssertTrue(statusLine(reopened).contains("resumed at \(percent(reading))% · \(title)"))
    XCTAssertNil(press([.character("j")], on: reopened).message, "the note goes with the next key")
    let atTop = ReadingPosition(position: .start, script: .original, outlineVisible: true)
    XCTAssertNil(Reducer.reduce(start(), .restore(atTop)).message, "nothing to say at the very top")
  }

  func testStateFilesWithoutMarksOrWithDamagedOnesKeepThePlace() throws {
    let old = #"{"block":3,"leaf":7,"offset":0,"script":"original","outlineVisible":true}"#
    let decoded = try JSONDecoder().decode(ReadingPosition.self, from: Data(old.utf8))
    XCTAssertEqual(decoded.block, 3)
    XCTAssertTrue(decoded.markPlaces.isEmpty)
    let damaged = [
      #""marks":{"a":{"block":-1,"leaf":0,"offset":0}}"#, #""marks":"a""#,
      #""marks":{"a":{"block":1}}"#,
    ]
    for marks in damaged {
      let json = #"{"block":3,"leaf":7,"offset":0,"script":"original","outlineVisible":true,"# + marks + "}"
      let place = try JSONDecoder().decode(ReadingPosition.self, from: Data(json.utf8))
      XCTAssertEqual(place.block, 3, marks)
      XCTAssertTrue(place.markPlaces.isEmpty, marks)
    }
    let oddNames =
      #"{"block":3,"leaf":7,"offset":0,"script":"original","outlineVisible":true,"marks":{"ab":{"block":1,"leaf":1,"offset":0},"1":{"block":1,"leaf":1,"offset":0},"é":{"block":1,"leaf":1,"offset":0},"z":{"block":1,"leaf":2,"offset":4}}}"#
    let odd = try JSONDecoder().decode(ReadingPosition.self, from: Data(oddNames.utf8))
    XCTAssertEqual(odd.markPlaces, ["z": TextPosition(block: 1, key: LineKey(leaf: 2, offset: 4))])
    // A mark past the end of a shorter document stays inside it.
    let far = ReadingPosition(
      position: .start, script: .original, outlineVisible: true,
      marks: ["x": TextPosition(block: 99_999, key: LineKey(leaf: 99_999, offset: 0))])
    let jumped = press([.character("'"), .character("x")], on: Reducer.reduce(start(), .restore(far)))
    XCTAssertEqual(jumped.anchor, jumped.bodyLayout.lastAnchor(height: jumped.geometry.body.height))
  }

  func testMarksComeBackWithTheDocumentAfterALinkedOne() {
    let marked = press([.tab, .pageDown, .character("m"), .character("d")], on: start())
    let other = MarkdownParser().parse("# 另一篇\n\n內容。\n", title: "other.md")
    let away = Reducer.reduce(marked, .opened(other, location: "other.md", fragment: nil))
    XCTAssertTrue(away.marks.isEmpty, "the linked document has marks of its own")
    let back = press([.backspace], on: away)
    XCTAssertEqual(back.marks, marked.marks)
  }

  func testTheMentionKeyMovedToCapitalMAndTheFactionKeysAreDocumented() {
    XCTAssertEqual(Keymap.command(for: .character("M")), .nextMention)
    XCTAssertEqual(Keymap.command(for: .character("m")), .setMark)
    XCTAssertEqual(Keymap.command(for: .character("'")), .jumpToMark)
    XCTAssertEqual(Keymap.command(for: .character("%")), .percentJump)
    XCTAssertEqual(Keymap.command(for: .character("p")), .percentJump)
    XCTAssertEqual(Keymap.command(for: .character("M"), in: .factionPanel), .panelMentions)
    XCTAssertEqual(Keymap.command(for: .character("m"), in: .factionPanel), .panelMentions)
  }
}

extension ReaderState {
  /// The same state with another top line, for checking what the line before a jump counts as.
  fileprivate func with(anchor: Anchor) -> ReaderState {
    var copy = self
    copy.anchor = anchor
    return copy
  }
}
