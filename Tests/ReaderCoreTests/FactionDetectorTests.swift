import XCTest

@testable import ReaderCore

final class FactionDetectorTests: XCTestCase {
  /// Lists, bold labels and names, but no faction item.
  static let documentWithoutFactions = MarkdownParser().parse(
    """
    # Notes

    **Sam Altman:** a bold label without a suffix.

    - **Plan:** ship it
    - the 派 of nobody
    """, title: "notes")

  private func document(_ markdown: String) -> Document {
    MarkdownParser().parse(markdown, title: "t")
  }

  private func names(_ markdown: String) -> [String] {
    FactionSummary.find(in: document(markdown))?.factions.map(\.name) ?? []
  }

  func testBundledArticleHasTheTwoFactionsUnderTheirSection() throws {
    let document = Fixtures.article
    let summary = try XCTUnwrap(FactionSummary.find(in: document))
    XCTAssertEqual(summary.factions.map(\.name), ["Sam Altman", "Ilya Sutskever"])
    XCTAssertEqual(summary.factions.map(\.label), ["Sam Altman 派", "Ilya Sutskever 派"])
    XCTAssertEqual(
      summary.factions.map(\.summary),
      ["誕生於矽谷的技術樂觀主義，受到快速商業化的推動。", "深感恐懼，認為人工智慧對人類構成生存風險，必須極其謹慎地加以控制。"])
    guard case .list = document.blocks[summary.topIndex].kind else {
      return XCTFail("the summary's top-level block is not a list")
    }
    XCTAssertEqual(document.blocks[summary.topIndex].id, summary.listID)
    let section = try XCTUnwrap(summary.sectionIndex(in: document.outline))
    XCTAssertEqual(document.outline[section].title, "Sam Altman 被開除的根源：技術樂觀主義 vs. AI 風險")
  }

  func testFactionItemLinesAreFoundInTheLayoutByTheirLeafID() throws {
    let document = Fixtures.article
    let summary = try XCTUnwrap(FactionSummary.find(in: document))
    let layout = DocumentLayout(document: document, width: 60)
    let lines = layout.lines(ofBlock: summary.topIndex)
    let rows = try summary.factions.map { faction in
      try XCTUnwrap(lines.firstIndex { $0.key.leaf == faction.itemLeafID })
    }
    XCTAssertEqual(rows.count, 2)
    XCTAssertLessThan(rows[0], rows[1])
    XCTAssertTrue(lines[rows[0]].text.contains("Sam Altman 派"), lines[rows[0]].text)
    XCTAssertTrue(lines[rows[1]].text.contains("Ilya Sutskever 派"), lines[rows[1]].text)
  }

  func testBothColonFormsInsideAndAfterTheStrongSpan() {
    let markdown = """
      - **Half Inside 派:** one
      - **Full Inside 派：** two
      - **Half After 派**: three
      - **Full After 派**：four
      - **Spaced After 派** ： five
      """
    let summary = FactionSummary.find(in: document(markdown))
    XCTAssertEqual(
      summary?.factions.map(\.name),
      ["Half Inside", "Full Inside", "Half After", "Full After", "Spaced After"])
    XCTAssertEqual(summary?.factions.map(\.summary), ["one", "two", "three", "four", "five"])
  }

  func testEverySuffixAndItsName() {
    let markdown = """
      - **奧特曼派:** a
      - **保守 派系:** b
      - **改革陣營：** c
      - **改革阵营：** d
      - **The Old Guard faction:** e
      - **Hawk Camp:** f
      - **DOVE FACTION**: g
      - **Sam Altman 派**： h
      """
    XCTAssertEqual(
      names(markdown), ["奧特曼", "保守", "改革", "改革", "The Old Guard", "Hawk", "DOVE", "Sam Altman"])
    XCTAssertEqual(Faction.nameForms(of: "奧特曼"), ["奧特曼"])
  }

  func testItemsThatAreNotFactions() {
    let markdown = """
      - **Sam Altman:** a label without a suffix
      - **Sam Altman 派** a suffix without a colon
      - Note **Ilya 派:** strong text not at the start
      - *Emphasis 派:* emphasis is not strong
      - **派:** a suffix and no name
      - **Bootcamp:** camp is not a word of its own here
      - **Two factions:** a plural is not the suffix
      - **改革派系統:** the suffix is not at the end
      - **A 派: and more** the colon is not at the end of the span
      - **A 派** 說明: the colon comes later
      - `A 派:` code is not strong
      -
      """
    XCTAssertNil(FactionSummary.find(in: document(markdown)))
    XCTAssertNil(FactionSummary.find(in: document("**Sam Altman 派:** a paragraph, not a list item\n")))
    XCTAssertNil(FactionSummary.find(in: document("    - **A 派:** indented code\n")))
    XCTAssertNil(FactionSummary.find(in: Self.documentWithoutFactions))
  }

  func testOnlyTheLabelledItemsOfTheListCount() throws {
    let markdown = """
      # Title

      - **A 派:** first
      - an ordinary item
      - **B 陣營:** second
      """
    let summary = try XCTUnwrap(FactionSummary.find(in: document(markdown)))
    XCTAssertEqual(summary.factions.map(\.name), ["A", "B"])
    XCTAssertEqual(summary.topIndex, 1)
  }

  func testNestedListInsideAListItemAndInsideAQuote() throws {
    let nested = document(
      """
      Intro.

      - Overview
        - **A 派:** first
        - **B 派:** second
      """)
    let summary = try XCTUnwrap(FactionSummary.find(in: nested))
    XCTAssertEqual(summary.factions.map(\.name), ["A", "B"])
    XCTAssertEqual(summary.topIndex, 1)
    guard case .list(let outer) = nested.blocks[1].kind,
      let inner = outer.items[0].blocks.last, case .list = inner.kind
    else { return XCTFail("unexpected parse") }
    XCTAssertEqual(summary.listID, inner.id)
    XCTAssertNotEqual(summary.listID, nested.blocks[1].id)
    let layout = DocumentLayout(document: nested, width: 40)
    let line = layout.lines(ofBlock: summary.topIndex).first { $0.key.leaf == summary.factions[1].itemLeafID }
    XCTAssertEqual(line?.text.trimmingWhitespace(), "• B 派: second")

    let quoted = document("Intro.\n\n> - **Hawk camp:** careful\n")
    XCTAssertEqual(FactionSummary.find(in: quoted)?.factions.map(\.name), ["Hawk"])
    XCTAssertEqual(FactionSummary.find(in: quoted)?.topIndex, 1)
  }

  func testTheFirstListWithFactionsIsTheSummary() {
    let markdown = """
      - **A 派:** first list

      Between.

      1. **B 派:** second list
      """
    XCTAssertEqual(names(markdown), ["A"])
  }

  func testSummaryTakesTheWholeItemOnOneLine() {
    let markdown = """
      - **A 派:**   first line
        second line

        A second paragraph.
      """
    XCTAssertEqual(
      FactionSummary.find(in: document(markdown))?.factions.first?.summary,
      "first line second line A second paragraph.")
    let hardBreak = "- **A 派:** one\\\n  two\n"
    XCTAssertEqual(FactionSummary.find(in: document(hardBreak))?.factions.first?.summary, "one two")
  }

  func testControlCharactersInALabelStayVisible() throws {
    let summary = try XCTUnwrap(FactionSummary.find(in: document("- **\u{1B}[31mRed 派:** x\n")))
    XCTAssertEqual(summary.factions.first?.name, "\u{241B}[31mRed")
  }
}
