import XCTest

@testable import ReaderCore

/// No control character from a document reaches the terminal or `--print` output, on any path.
final class ControlCharacterTests: XCTestCase {
  static let hostile = """
    # Heading \u{1B}]0;pwned\u{7} then \u{1B}[2J and &#27;[31m entity

    Text with BEL \u{7}, BS \u{8}, CR &#13; inside, DEL \u{7F}, C1 \u{85} and CSI \u{9B}31m, \
    entities &#x9b; &#155; &#0; &#7;, bidi \u{202E}reversed\u{202C} \u{2066}isolated\u{2069} &#x202E; \
    \u{200F} end.

    [link \u{1B}\\[5m text](http://example.com/\u{1B} "title \u{1B}") and ![alt \u{1B}\\[7m](i.png) \
    and <http://a.example/\u{1B}[8m> and `code \u{1B}[2J span` and <span>\u{1B}]2;inline\u{7}</span>

    ```\u{1B}[31minfo
    code \u{1B}[2J line\ttab\u{7F}
    \u{7}bell \u{9B}2J
    ```

    | head \u{1B}[1m | b&#27; |
    |---|---|
    | cell \u{9B}2J | \u{1B}c |

    > quote \u{1B}[?1049h
    >
    > ## Quoted heading \u{1B}P

    - item \u{1B}[?1000h
    - [x] task \u{1B}]52;c;Zm9v\u{7}

    <div>\u{1B}]0;block\u{7}</div>

    **bold pseudo \u{1B}[2J heading**

    Text ~~struck \u{1B}[9m~~.

    Setext \u{1B}[1m
    heading\\
    second line
    ===
    """

  static let document = MarkdownParser().parse(hostile, title: "evil\u{1B}]0;title\u{7}\nname.md")

  func testPrintedOutputHasNoControlCharacterAtAnyWidth() {
    for width in [0, 80, 33, 12, 1] {
      let text = DocumentPrinter.text(of: Self.document, width: width)
      XCTAssertEqual(FrameInvariants.forbidden(in: text, allowLineFeed: true), [], "width \(width)")
    }
    let plain = PlainTextParser().parse(Self.hostile, title: "t")
    XCTAssertEqual(
      FrameInvariants.forbidden(in: DocumentPrinter.text(of: plain, width: 40), allowLineFeed: true), [])
  }

  func testControlsAreShownAsVisiblePicturesNotDropped() {
    let text = DocumentPrinter.text(of: Self.document, width: 0)
    XCTAssertTrue(text.contains("Heading ␛]0;pwned␇ then ␛[2J and ␛[31m entity"), text)
    XCTAssertTrue(text.contains("BEL ␇, BS ␈, CR ␍ inside, DEL ␡, C1 \u{FFFD} and CSI \u{FFFD}31m"), text)
    XCTAssertTrue(text.contains("entities \u{FFFD} \u{FFFD} \u{FFFD} ␇"), text)
    XCTAssertTrue(text.contains("⦃202E⦄reversed⦃202C⦄ ⦃2066⦄isolated⦃2069⦄ ⦃202E⦄"), text)
    XCTAssertTrue(
      text.contains("link ␛[5m text[1] and [image: alt ␛[7m] and <http://a.example/␛[8m>"), text)
    XCTAssertTrue(text.contains("␛]0;block␇"), text)
    XCTAssertTrue(text.hasSuffix("References:\n[1] http://example.com/␛\n"), text)
    XCTAssertTrue(text.contains("code ␛[2J line  tab␡"), "the tab expands to column 16: \(text)")
    XCTAssertTrue(text.contains("cell \u{FFFD}2J"), text)
  }

  func testOutlineTitlesAreVisibleAndOnOneLine() {
    let titles = Self.document.outline.entries.map(\.title)
    XCTAssertEqual(
      titles,
      [
        "Heading ␛]0;pwned␇ then ␛[2J and ␛[31m entity", "Quoted heading ␛P", "bold pseudo ␛[2J heading",
        "Setext ␛[1m heading second line",
      ])
  }

  func testTheTitleFromAFileNameIsVisibleOnOneLine() {
    XCTAssertEqual(Self.document.title, "evil␛]0;title␇␊name.md")
    let state = ReaderState(document: Self.document, size: TerminalSize(width: 120, height: 8))
    XCTAssertTrue(FrameRenderer.render(state).text(ofRow: 7).hasPrefix(" evil␛]0;title␇␊name.md"))
  }

  func testEveryFrameWhileScrollingTheWholeDocumentIsFreeOfControls() {
    for size in [
      TerminalSize(width: 100, height: 12), TerminalSize(width: 30, height: 6),
      TerminalSize(width: 10, height: 2),
    ] {
      var state = ReaderState(document: Self.document, size: size)
      state = Reducer.reduce(state, .key(.tab))
      for step in 0..<60 {
        FrameInvariants.assertSound(FrameRenderer.render(state), "\(size) step \(step)")
        state = Reducer.reduce(state, .key(.down))
      }
    }
  }

  func testTheFrameIsTheLastGateAndDimsTheStandInsItDraws() {
    var frame = Frame(size: TerminalSize(width: 12, height: 1))
    frame.write([StyledText("a\u{1B}[2J\u{9B}\u{202E}b")], row: 0, column: 0, limit: 12)
    XCTAssertEqual(frame.text(ofRow: 0), "a␛[2J\u{FFFD}⦃202E⦄")
    XCTAssertEqual(
      frame.rows[0].map { $0.style.contains(.dim) }.prefix(7),
      [false, true, false, false, false, true, false])
    FrameInvariants.assertSound(frame)
  }

  func testTabsInCodeExpandToTheNextMultipleOfEight() {
    let document = MarkdownParser().parse("```\na\tb\n1234567\tc\n12345678\td\n\te\n```\n", title: "t")
    XCTAssertEqual(
      DocumentPrinter.text(of: document, width: 0),
      "┆ a       b\n┆ 1234567 c\n┆ 12345678        d\n┆         e\n")
  }
}
