import XCTest

@testable import ReaderCore

final class MentionFinderTests: XCTestCase {
  private func document(_ markdown: String) -> Document {
    MarkdownParser().parse(markdown, title: "t")
  }

  /// The forms found in one paragraph of text, in order.
  private func found(_ forms: [String], in text: String) -> [String] {
    let leaf = LeafText(topIndex: 0, blockID: 0, text: text)
    return MentionFinder.mentions(of: forms, in: [leaf], outline: Outline(blocks: [])).map {
      forms[$0.formIndex]
    }
  }

  func testBundledArticleCountsTwentySixAndEight() throws {
    let document = Fixtures.article
    let summary = try XCTUnwrap(FactionSummary.find(in: document))
    let leaves = LeafText.leaves(of: document)
    let sam = MentionFinder.mentions(of: summary.factions[0].nameForms, in: leaves, outline: document.outline)
    let ilya = MentionFinder.mentions(
      of: summary.factions[1].nameForms, in: leaves, outline: document.outline)
    XCTAssertEqual(sam.count, 26)
    XCTAssertEqual(ilya.count, 8)
    func tally(_ mentions: [Mention], of forms: [String]) -> [String: Int] {
      mentions.reduce(into: [:]) { $0[forms[$1.formIndex], default: 0] += 1 }
    }
    XCTAssertEqual(tally(sam, of: summary.factions[0].nameForms), ["Sam Altman": 8, "Altman": 17, "Sam": 1])
    XCTAssertEqual(
      tally(ilya, of: summary.factions[1].nameForms), ["Ilya Sutskever": 3, "Sutskever": 3, "Ilya": 2])
    // The labels of the summary are mentions too, and so are the bold pseudo-headings.
    XCTAssertTrue(sam.contains { $0.leafID == summary.factions[0].itemLeafID && $0.offset == 0 })
    XCTAssertTrue(ilya.contains { $0.leafID == summary.factions[1].itemLeafID && $0.offset == 0 })
    let headingIDs = Set(document.outline.entries.map(\.blockID))
    XCTAssertEqual(sam.filter { headingIDs.contains($0.leafID) }.count, 3)
    XCTAssertEqual(ilya.filter { headingIDs.contains($0.leafID) }.count, 1)
  }

  func testMentionsKnowTheirSection() throws {
    let document = Fixtures.article
    let leaves = LeafText.leaves(of: document)
    let ilya = MentionFinder.mentions(
      of: Faction.nameForms(of: "Ilya Sutskever"), in: leaves, outline: document.outline)
    let titles = ilya.map { document.outline[$0.section!].title }
    XCTAssertEqual(
      titles,
      ["Sam Altman 被開除的根源：技術樂觀主義 vs. AI 風險"] + Array(repeating: "Ilya Sutskever 的擔憂：AGI 的風險與對齊團隊", count: 5)
        + Array(repeating: "結論：AI 公司的艱難與中國企業的警示", count: 2))
    // The heading's own mention belongs to the section it opens.
    let entry = try XCTUnwrap(document.outline.entries.firstIndex { $0.title.hasPrefix("Ilya") })
    let heading = try XCTUnwrap(ilya.first { $0.leafID == document.outline[entry].blockID })
    XCTAssertEqual(heading.section, entry)
    XCTAssertEqual(heading.offset, 0)

    let nested = self.document(
      """
      Sam in the preface.

      - # First
        Sam here.
      - # Second
        Sam there.
      """)
    let sections = MentionFinder.mentions(
      of: ["Sam"], in: LeafText.leaves(of: nested), outline: nested.outline
    ).map(\.section)
    XCTAssertEqual(sections, [nil, 0, 1])
  }

  func testLatinNamesMatchOnlyAsWholeWords() {
    XCTAssertEqual(found(["Sam"], in: "Samuel Sam2 xSam 3Sam Samí Sam\u{301} Sam"), ["Sam"])
    XCTAssertEqual(found(["Sam"], in: "Sam，Sam的(Sam)Sam-Sam.「Sam」Sam"), Array(repeating: "Sam", count: 7))
    XCTAssertEqual(found(["Sam"], in: "ＡSam Sam１"), [], "full-width Latin letters and digits are Latin")
    XCTAssertEqual(found(["Altman"], in: "由Altman帶領，Altmans 不算"), ["Altman"])
    XCTAssertEqual(found(["sam"], in: "Sam SAM"), [], "matching keeps case")
  }

  func testCJKNamesMatchInsideCJKText() {
    XCTAssertEqual(found(["奧特曼"], in: "奧特曼派的奧特曼說，奧特"), ["奧特曼", "奧特曼"])
    XCTAssertEqual(found(["奧特曼"], in: "abc奧特曼123"), ["奧特曼"])
  }

  func testLongestFormFirstAndNoOverlap() {
    XCTAssertEqual(
      found(Faction.nameForms(of: "Sam Altman"), in: "Altman 與 Sam Altman，Sam  Altman"),
      ["Altman", "Sam Altman", "Sam", "Altman"])
    // Forms given shortest first are still searched longest first.
    XCTAssertEqual(found(["甲乙", "乙丙丁"], in: "甲乙丙丁甲乙"), ["乙丙丁", "甲乙"])
    XCTAssertEqual(found(["哈哈"], in: "哈哈哈哈哈"), ["哈哈", "哈哈"])
    XCTAssertEqual(found(["Sam", "Sam", ""], in: "Sam"), ["Sam"])
  }

  func testHeadingsQuotesAndNestedListsCountButCodeBlocksDoNot() {
    let markdown = """
      # Sam Altman

      > Sam in a quote.

      - item
        - Sam nested

      ```
      Sam in code
      ```
      """
    let document = self.document(markdown)
    let forms = Faction.nameForms(of: "Sam Altman")
    let mentions = MentionFinder.mentions(
      of: forms, in: LeafText.leaves(of: document), outline: document.outline)
    XCTAssertEqual(mentions.map { forms[$0.formIndex] }, ["Sam Altman", "Sam", "Sam"])
    XCTAssertEqual(mentions.map(\.topIndex), [0, 1, 2])
  }

  func testOffsetsAreLayoutClustersAndNameTheLineThatShowsTheMention() throws {
    // Two decomposed é (two scalars each) before the name: scalars 5, clusters 3.
    let document = self.document("e\u{301}e\u{301} Altman 與 Altman")
    let mentions = MentionFinder.mentions(
      of: ["Altman"], in: LeafText.leaves(of: document), outline: document.outline)
    XCTAssertEqual(mentions.map(\.offset), [3, 12])
    XCTAssertEqual(mentions.map(\.length), [6, 6])
    let layout = DocumentLayout(document: document, width: 8)
    for mention in mentions {
      let line = try XCTUnwrap(
        layout.lines(ofBlock: 0).first { $0.key == LineKey(leaf: mention.leafID, offset: mention.offset) })
      XCTAssertTrue(line.text.hasPrefix("Altman"), line.text)
    }
  }

  func testNamesAreFoundInTheDisplayedScript() throws {
    let document = self.document(
      """
      - **奧特曼派:** 說明

      奧特曼與開發者說話。
      """)
    // Stands in for a Traditional-to-Simplified conversion of the displayed text.
    let simplify: (String) -> String = { text in
      String(text.map { ["奧": "奥", "說": "说", "與": "与", "開": "开", "發": "发", "話": "话"][$0] ?? $0 })
    }
    let faction = try XCTUnwrap(FactionSummary.find(in: document)?.factions.first)
    let leaves = LeafText.leaves(of: document) { simplify($0.plainText) }
    XCTAssertEqual(leaves.map(\.text), ["奥特曼派: 说明", "奥特曼与开发者说话。"])
    let simplified = faction.nameForms.map(simplify)
    let converted = MentionFinder.mentions(of: simplified, in: leaves, outline: document.outline)
    XCTAssertEqual(converted.map { simplified[$0.formIndex] }, ["奥特曼", "奥特曼"])
    let unconverted = MentionFinder.mentions(of: faction.nameForms, in: leaves, outline: document.outline)
    XCTAssertEqual(unconverted, [])
  }
}
