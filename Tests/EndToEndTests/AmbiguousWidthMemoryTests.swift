import Foundation
import ReaderCore
import XCTest

@testable import reader

/// The width each terminal gave the ambiguous characters, kept for its next start.
final class AmbiguousWidthMemoryTests: XCTestCase {
  private var directory = ""

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("reader-widths-\(UUID())").path
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(atPath: directory)
  }

  private func memory(_ environment: [String: String]) -> AmbiguousWidthMemory {
    AmbiguousWidthMemory(store: PositionStore(directory: directory)) { environment[$0] }
  }

  /// What the next start in each terminal finds: a memory is read once, when it is made.
  func testEachTerminalKeepsItsOwnWidth() {
    let iterm = ["TERM": "xterm-256color", "TERM_PROGRAM": "iTerm.app"]
    let plain = ["TERM": "xterm-256color"]
    let inTmux = ["TERM": "tmux-256color", "TMUX": "/tmp/tmux-1000/default,1,0"]
    XCTAssertNil(memory(iterm).remembered, "a terminal never seen is asked before the first screen")
    memory(iterm).remember(.wide)
    memory(plain).remember(.narrow)
    memory(inTmux).remember(.wide)
    XCTAssertEqual(memory(iterm).remembered, .wide)
    XCTAssertEqual(memory(plain).remembered, .narrow)
    XCTAssertEqual(memory(inTmux).remembered, .wide)
    XCTAssertEqual(
      memory(["TERM": "tmux-256color"]).remembered, nil, "tmux answers for itself, not the terminal")
    memory(iterm).remember(.narrow)
    XCTAssertEqual(memory(iterm).remembered, .narrow, "a changed answer replaces the old one")
    XCTAssertEqual(memory(plain).remembered, .narrow)
  }

  func testOnlyTheMostRecentTerminalsAreKept() {
    for number in 0..<(AmbiguousWidthMemory.capacity + 5) {
      memory(["TERM": "term-\(number)"]).remember(.wide)
    }
    XCTAssertNil(memory(["TERM": "term-0"]).remembered, "the least recently seen is forgotten")
    XCTAssertEqual(memory(["TERM": "term-\(AmbiguousWidthMemory.capacity + 4)"]).remembered, .wide)
    let text =
      (try? String(contentsOfFile: directory + "/" + AmbiguousWidthMemory.fileName, encoding: .utf8)) ?? ""
    XCTAssertEqual(text.split(separator: "\n").count, AmbiguousWidthMemory.capacity)
  }

  func testAStrangeOrDamagedFileIsNoAnswerAndAVariableCannotSplitALine() throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let path = directory + "/" + AmbiguousWidthMemory.fileName
    try Data("TERM=xterm\tsideways\n\u{FF}\u{FE}garbage\nTERM=xterm\n".utf8).write(
      to: URL(fileURLWithPath: path))
    XCTAssertNil(memory(["TERM": "xterm"]).remembered)
    let odd = ["TERM": "xterm\tnarrow\nTERM=vt100"]
    memory(odd).remember(.wide)
    XCTAssertEqual(memory(odd).remembered, .wide)
    XCTAssertNil(memory(["TERM": "vt100"]).remembered, "a line break in TERM made no second entry")
    XCTAssertNil(memory(["TERM": "xterm"]).remembered)
  }

  func testEveryWellFormedLineIsReadWhateverSurroundsIt() throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let path = directory + "/" + AmbiguousWidthMemory.fileName
    try Data("\n\nTERM=a\twide\textra\nTERM=b\twide\n\nTERM=d\twide\r\nTERM=c\tnarrow".utf8).write(
      to: URL(fileURLWithPath: path))
    XCTAssertNil(memory(["TERM": "a"]).remembered, "a line of three fields is not one of ours")
    XCTAssertEqual(memory(["TERM": "b"]).remembered, .wide, "blank lines are passed over")
    XCTAssertNil(
      memory(["TERM": "d"]).remembered, "a carriage return is part of the width, which is then none")
    XCTAssertEqual(memory(["TERM": "c"]).remembered, .narrow, "the last line needs no line feed")
  }
}
