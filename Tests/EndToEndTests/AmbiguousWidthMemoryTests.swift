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
    AmbiguousWidthMemory(store: PositionStore(directory: directory), environment: environment)
  }

  func testEachTerminalKeepsItsOwnWidth() {
    let iterm = memory(["TERM": "xterm-256color", "TERM_PROGRAM": "iTerm.app"])
    let plain = memory(["TERM": "xterm-256color"])
    let inTmux = memory(["TERM": "tmux-256color", "TMUX": "/tmp/tmux-1000/default,1,0"])
    XCTAssertNil(iterm.recall(), "a terminal never seen is asked before the first screen")
    iterm.remember(.wide)
    plain.remember(.narrow)
    inTmux.remember(.wide)
    XCTAssertEqual(iterm.recall(), .wide)
    XCTAssertEqual(plain.recall(), .narrow)
    XCTAssertEqual(inTmux.recall(), .wide)
    XCTAssertEqual(
      memory(["TERM": "tmux-256color"]).recall(), nil, "tmux answers for itself, not the terminal")
    iterm.remember(.narrow)
    XCTAssertEqual(iterm.recall(), .narrow, "a changed answer replaces the old one")
    XCTAssertEqual(plain.recall(), .narrow)
  }

  func testOnlyTheMostRecentTerminalsAreKept() {
    for number in 0..<(AmbiguousWidthMemory.capacity + 5) {
      memory(["TERM": "term-\(number)"]).remember(.wide)
    }
    XCTAssertNil(memory(["TERM": "term-0"]).recall(), "the least recently seen is forgotten")
    XCTAssertEqual(memory(["TERM": "term-\(AmbiguousWidthMemory.capacity + 4)"]).recall(), .wide)
    let text =
      (try? String(contentsOfFile: directory + "/" + AmbiguousWidthMemory.fileName, encoding: .utf8)) ?? ""
    XCTAssertEqual(text.split(separator: "\n").count, AmbiguousWidthMemory.capacity)
  }

  func testAStrangeOrDamagedFileIsNoAnswerAndAVariableCannotSplitALine() throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let path = directory + "/" + AmbiguousWidthMemory.fileName
    try Data("TERM=xterm\tsideways\n\u{FF}\u{FE}garbage\nTERM=xterm\n".utf8).write(
      to: URL(fileURLWithPath: path))
    XCTAssertNil(memory(["TERM": "xterm"]).recall())
    let odd = memory(["TERM": "xterm\tnarrow\nTERM=vt100"])
    odd.remember(.wide)
    XCTAssertEqual(odd.recall(), .wide)
    XCTAssertNil(memory(["TERM": "vt100"]).recall(), "a line break in TERM made no second entry")
    XCTAssertNil(memory(["TERM": "xterm"]).recall())
  }
}
