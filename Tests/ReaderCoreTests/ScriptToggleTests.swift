import XCTest

@testable import ReaderCore

final class ScriptToggleTests: XCTestCase {
  private func state(_ width: Int = 100, _ height: Int = 30) -> ReaderState {
    ReaderState(document: Fixtures.article, size: TerminalSize(width: width, height: height))
  }

  private func screen(_ state: ReaderState) -> String {
    let frame = FrameRenderer.render(state)
    return (0..<frame.height).map { frame.text(ofRow: $0) }.joined(separator: "\n")
  }

  func testTCyclesOriginalTraditionalSimplifiedOnBodyOutlineAndStatus() {
    var current = state()
    XCTAssertTrue(screen(current).contains("大家好，這裡是最佳拍檔"))
    XCTAssertTrue(screen(current).contains("Original"))
    current = press(.character("t"), on: current)
    XCTAssertEqual(current.setting.script, .traditional)
    XCTAssertTrue(screen(current).contains("繁體"))
    current = press(.character("t"), on: current)
    let simplified = screen(current)
    XCTAssertTrue(simplified.contains("大家好，这里是最佳拍档"))
    XCTAssertTrue(simplified.contains("引言：OpenAI 的动荡与内幕揭秘  │"), "the outline converts too")
    XCTAssertTrue(simplified.contains("简体"))
    current = press(.character("t"), on: current)
    XCTAssertEqual(current.setting.script, .original)
    XCTAssertTrue(screen(current).contains("引言：OpenAI 的動盪與內幕揭秘"))
  }

  func testTheTraditionalViewConvertsOnlyTheSimplifiedParagraphs() {
    var current = press(.character("t"), on: state())
    for _ in 0..<4 { current = press(.down, on: current) }
    let text = current.bodyLayout.lines(from: current.anchor, count: 40).map(\.text).joined()
    XCTAssertTrue(text.contains("從外界看來，ChatGPT 是史上最成功的產品"))
    XCTAssertFalse(text.contains("产品"))
  }

  func testTheReadingPositionSurvivesAToggle() {
    var current = press(.down, .down, .down, .down, .tab, .down, .down, .down, on: state())
    let block = current.anchor.block
    let line = current.anchor.line
    for _ in 0..<3 {
      current = press(.character("t"), on: current)
      XCTAssertEqual(current.anchor.block, block, "same block at the top in \(current.setting.script)")
    }
    XCTAssertEqual(current.anchor.line, line)
  }

  func testOriginalModeMarksSectionsThatSwitchToSimplified() {
    let current = state()
    current.conversions.detectScripts()
    let frame = FrameRenderer.render(current)
    let outlineWidth = current.geometry.outline!.width
    let marked = (0..<13).filter { row in
      frame.rows[row][outlineWidth - 2].text == "简"
    }
    XCTAssertEqual(marked, [4, 9, 10], "ChatGPT 的發布, Altman 積極推動, OpenAI 的未來")
    let converted = press(.character("t"), .character("t"), on: current)
    let simplifiedFrame = FrameRenderer.render(converted)
    XCTAssertFalse((0..<13).contains { simplifiedFrame.rows[$0][outlineWidth - 2].text == "简" })
  }

  func testTheSystemDictionariesAreNamedOnceOnTheStatusLine() {
    let system = ScriptConverter(library: OpenCCLibrary(dataDirectories: OpenCCLibrary.systemDataDirectories))
    let start = ReaderState(
      document: Fixtures.article, size: TerminalSize(width: 100, height: 30), converter: system)
    let first = press(.character("t"), on: start)
    XCTAssertEqual(first.setting.script, .traditional)
    XCTAssertEqual(
      first.message, "OpenCC 1.4.2 dictionaries not found (make build compiles them); using /usr/share/opencc"
    )
    XCTAssertTrue(screen(first).contains("OpenCC 1.4.2 dictionaries not found"))
    let again = press(.character("t"), .character("t"), .character("t"), on: first)
    XCTAssertEqual(again.setting.script, .traditional)
    XCTAssertNil(again.message, "said once")
    let compiled = press(.character("t"), on: state())
    XCTAssertNil(compiled.message, "nothing to say with the compiled dictionaries")
  }

  func testMissingOpenCCDataLeavesAOneLineMessageAndChangesNothing() {
    let broken = ScriptConverter(library: OpenCCLibrary(dataDirectories: ["/nonexistent-opencc-data"]))
    let start = ReaderState(
      document: Fixtures.article, size: TerminalSize(width: 100, height: 30), converter: broken)
    let toggled = press(.down, .character("t"), on: start)
    XCTAssertEqual(toggled.setting.script, .original)
    let message = toggled.message ?? ""
    XCTAssertFalse(message.isEmpty)
    XCTAssertFalse(message.contains("\n"))
    XCTAssertTrue(screen(toggled).contains(String(message.prefix(20))))
    XCTAssertTrue(screen(toggled).contains("Original"))
  }
}
