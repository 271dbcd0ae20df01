import XCTest

@testable import ReaderCore

/// Emoji sequences, flags, combining marks and variation selectors never shift a row.
final class ClusterWidthTests: XCTestCase {
  static let tricky = """
    # 👨‍👩‍👧 家族 🇹🇼🇯🇵

    ZWJ 👨‍👩‍👧‍👦 and 🧑🏽‍💻 flags 🇹🇼🇺🇸🇪🇺 a lone 🇹 regional, skin 👍🏻👍🏿, variation ☺\u{FE0F} ❤\u{FE0E} \
    keycap 1\u{FE0F}\u{20E3}, combining e\u{301}\u{302}\u{303} 한\u{1100}\u{1161}, Thai ก\u{E31}\u{E49} \
    中文字\u{301} zero\u{200B}width\u{200D}joiner \u{301}lone mark, 𠀀 U+20000, ｶﾞ halfwidth, \
    ideographic\u{3000}space, soft\u{AD}hyphen, tag 🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}.

    \u{301}Paragraph that starts with a combining mark.

    | 👨‍👩‍👧 | e\u{301} | 🇹🇼 |
    |---|:-:|--:|
    | 中文 | ☺\u{FE0F} | x\u{20E3} |

    ```
    code 👨‍👩‍👧 e\u{301} 🇹🇼\t|
    ```
    """

  static let document = MarkdownParser().parse(tricky, title: "👨‍👩‍👧 e\u{301}.md")

  func testEveryLayoutLineDrawsExactlyAsWideAsTheLayoutMeasuresIt() {
    for width in 1...45 {
      let layout = DocumentLayout(document: Self.document, width: width)
      for block in 0..<layout.blockCount {
        for line in layout.lines(ofBlock: block) {
          XCTAssertLessThanOrEqual(line.width, width, "width \(width): \(line.text)")
          var frame = Frame(size: TerminalSize(width: width + 4, height: 1))
          let reached = frame.write(line.spans, row: 0, column: 0, limit: width + 4)
          XCTAssertEqual(reached, line.width, "width \(width): \(line.text.debugDescription)")
          let cells = frame.rows[0].prefix(reached).reduce(0) { $0 + $1.width }
          XCTAssertEqual(cells, line.width)
          FrameInvariants.assertSound(frame, "width \(width)")
        }
      }
    }
  }

  func testNoTextIsLostWhenWrapping() {
    let wide = PrintedCharacters.sequence(of: Self.document, width: 0)
    for width in [4, 7, 13, 30] {
      XCTAssertEqual(PrintedCharacters.sequence(of: Self.document, width: width), wide, "width \(width)")
    }
  }

  func testEveryFrameRowIsExactlyTheTerminalWidth() {
    for width in [1, 2, 3, 9, 10, 11, 39, 40, 41, 57, 80] {
      for height in [1, 2, 3, 7, 24] {
        var state = ReaderState(document: Self.document, size: TerminalSize(width: width, height: height))
        for key: Key in [.down, .down, .tab, .down, .pageDown, .end, .home] {
          FrameInvariants.assertSound(FrameRenderer.render(state), "\(width)x\(height)")
          state = Reducer.reduce(state, .key(key))
        }
      }
    }
  }
}
