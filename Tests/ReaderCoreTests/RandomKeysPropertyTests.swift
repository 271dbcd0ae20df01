import XCTest

@testable import ReaderCore

/// Random keys and resizes (seeded, so a failure replays): after every step the state is valid
/// and every frame row is exactly the terminal's width.
final class RandomKeysPropertyTests: XCTestCase {
  static let keys: [Key] =
    Keymap.bindings.flatMap(\.keys) + [
      .character("x"), .character("中"), .escape, .left, .right, .backspace, .control("l"), .enter,
    ]

  /// A ~5 MB document of every block kind, CJK and Latin, with headings at three levels.
  static let fiveMegabytes: Document = {
    var markdown = ""
    var random = SeededGenerator(seed: 5)
    let sentences = [
      "大家好，這裡是最佳拍檔。", "OpenAI 的董事會在週五下午宣布 Sam Altman 離職。", "A Latin sentence with some longer words.",
      "「引號」與（括號）之間沒有空格，", "emoji 👨‍👩‍👧 and 🇹🇼 flags, e\u{301} marks.",
    ]
    var section = 0
    while markdown.utf8.count < 5_000_000 {
      section += 1
      markdown += section % 10 == 1 ? "# 第\(section)部分\n\n" : "## 第\(section)章 Chapter \(section)\n\n"
      for _ in 0..<Int.random(in: 1...12, using: &random) {
        switch Int.random(in: 0..<10, using: &random) {
        case 0: markdown += "- 項目 one\n- 項目 two\n  - nested 巢狀\n\n"
        case 1: markdown += "> 引用 " + sentences.randomElement(using: &random)! + "\n\n"
        case 2: markdown += "```\ncode\tline \(section)\n```\n\n"
        case 3: markdown += "| 欄 | col |\n|---|---|\n| 值 | \(section) |\n\n"
        case 4: markdown += "**粗體小標題 \(section)**\n\n"
        default:
          markdown +=
            (0..<Int.random(in: 1...30, using: &random)).map { _ in sentences.randomElement(using: &random)! }
            .joined() + "\n\n"
        }
      }
    }
    return MarkdownParser().parse(markdown, title: "five-megabytes.md")
  }()

  private func randomSize(_ random: inout SeededGenerator) -> TerminalSize {
    switch Int.random(in: 0..<10, using: &random) {
    case 0: return TerminalSize(width: 1, height: 1)
    case 1:
      return TerminalSize(
        width: Int.random(in: 1...12, using: &random), height: Int.random(in: 1...4, using: &random))
    default:
      return TerminalSize(
        width: Int.random(in: 1...140, using: &random), height: Int.random(in: 1...45, using: &random))
    }
  }

  private func problems(in state: ReaderState, checkingCells: Bool) -> [String] {
    var problems: [String] = []
    let outline = state.document.outline
    if outline.isEmpty ? state.selection != 0 : !(0..<outline.count).contains(state.selection) {
      problems.append("selection \(state.selection) of \(outline.count)")
    }
    if state.outlineTop < 0 || state.outlineTop > max(0, outline.count - 1) {
      problems.append("outline top \(state.outlineTop)")
    }
    let layout = state.bodyLayout
    if !(0..<layout.blockCount).contains(state.anchor.block) {
      problems.append("anchor block \(state.anchor.block) of \(layout.blockCount)")
    } else if !(0..<layout.lines(ofBlock: state.anchor.block).count).contains(state.anchor.line) {
      problems.append("anchor line \(state.anchor.line)")
    } else if state.anchor > layout.lastAnchor(height: state.geometry.body.height) {
      problems.append("anchor \(state.anchor) past the last one")
    }
    return problems + FrameInvariants.problems(in: FrameRenderer.render(state), checkingCells: checkingCells)
  }

  private func run(_ document: Document, steps: Int, seed: UInt64) {
    var random = SeededGenerator(seed: seed)
    var state = ReaderState(document: document, size: randomSize(&random))
    var history: [Action] = []
    for step in 0..<steps {
      let action: Action
      switch Int.random(in: 0..<100, using: &random) {
      case 0..<10: action = .resize(randomSize(&random))
      case 10..<13: action = .selectEntry(Int.random(in: -3...document.outline.count + 3, using: &random))
      default: action = .key(Self.keys.randomElement(using: &random)!)
      }
      history.append(action)
      state = Reducer.reduce(state, action)
      // Row widths after every step; each cell's text against its width after every fifth.
      let problems = problems(in: state, checkingCells: step % 5 == 0)
      if !problems.isEmpty {
        XCTFail(
          "seed \(seed) step \(step) at \(state.size): \(problems.prefix(3)); last actions \(history.suffix(8))"
        )
        return
      }
    }
  }

  func testTenThousandRandomStepsOnTheBundledArticle() {
    run(Fixtures.article, steps: 10_000, seed: 2024)
  }

  /// Fewer steps here, to keep `make test` quick: a step costs about as much as on the article
  /// (layout is per visible block), except the commands that walk the whole document (script
  /// detection, heading and faction jumps), which are what this document is for; 1,000 steps
  /// reach each of them dozens of times.
  func testOneThousandRandomStepsOnAFiveMegabyteDocument() {
    XCTAssertGreaterThan(Self.fiveMegabytes.outline.count, 1000)
    run(Self.fiveMegabytes, steps: 1_000, seed: 5)
  }
}
