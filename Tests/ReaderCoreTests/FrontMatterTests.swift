import XCTest

@testable import ReaderCore

/// Front matter (YAML `---` or TOML `+++` at the start of the file) is metadata: not an outline
/// entry, a heading or a paragraph; its title names the document in the status line.
final class FrontMatterTests: XCTestCase {
  private func parse(_ text: String, title: String = "page.md") -> Document {
    MarkdownParser().parse(text, title: title)
  }

  private func mkdocsPage() throws -> Document {
    parse(try MarkdownFixtures.text("mkdocs-getting-started.md"), title: "getting-started.md")
  }

  private func frontMatter(of document: Document) -> FrontMatter? {
    if case .frontMatter(let frontMatter) = document.blocks.first?.kind { return frontMatter }
    return nil
  }

  func testMkDocsFrontMatterIsNotContentAndItsTitleNamesTheDocument() throws {
    let document = try mkdocsPage()
    let front = try XCTUnwrap(frontMatter(of: document))
    XCTAssertEqual(front.format, .yaml)
    XCTAssertEqual(front.title, "快速開始")
    XCTAssertEqual(document.title, "快速開始")
    XCTAssertEqual(document.outline.entries.map(\.title), ["快速開始", "安裝依賴", "打開文件"])
    // Not a rule, a setext heading or a paragraph: the first content block is the page's heading.
    guard case .heading(1, let runs) = document.blocks[1].kind else {
      return XCTFail("\(document.blocks[1])")
    }
    XCTAssertEqual(runs.plainText, "快速開始")
    let prose = SearchableText.pieces(of: document).dropFirst().map(\.text).joined(separator: "\n")
    XCTAssertFalse(prose.contains("description"), prose)
    XCTAssertFalse(document.blocks.contains { $0.kind == .thematicBreak })
  }

  func testTheStatusLineShowsTheTitleAndTheBlockIsDimAtTheTop() throws {
    let state = ReaderState(document: try mkdocsPage(), size: TerminalSize(width: 80, height: 24))
    let frame = FrameRenderer.render(state)
    XCTAssertTrue(frame.text(ofRow: 23).hasPrefix(" 快速開始"), frame.text(ofRow: 23))
    XCTAssertFalse(frame.text(ofRow: 23).contains("getting-started.md"))
    let body = try XCTUnwrap(state.geometry.body.x as Int?)
    let firstRow = frame.rows[0][body...]
    XCTAssertEqual(firstRow.prefix(3).map(\.text).joined(), "---")
    XCTAssertTrue(firstRow.prefix(3).allSatisfy { $0.style.contains(.dim) })
    let descriptionRow = try XCTUnwrap((0..<23).first { frame.text(ofRow: $0).contains("description:") })
    XCTAssertTrue(frame.rows[descriptionRow][body].style.contains(.dim))
    // The whole block is shown, blank line and all, then the page's heading.
    let printed = DocumentPrinter.text(of: try mkdocsPage(), width: 80).components(separatedBy: "\n")
    XCTAssertEqual(printed[0], "---")
    XCTAssertEqual(printed[1], "title: 快速開始")
    XCTAssertEqual(printed[12], "---")
    XCTAssertEqual(printed[14], "快速開始")
  }

  func testChunkedParsingTakesTheFrontMatterOffAsTheWholeParseDoes() throws {
    let page = Array(try MarkdownFixtures.text("mkdocs-getting-started.md").utf8)
    // Every cut, even inside the YAML, whose blank line followed by `tags:` looks like a cut.
    ChunkedParserTests.assertParsesLikeWhole(page, "MkDocs page, every cut")
    ChunkedParserTests.assertParsesLikeWhole(page, firstChunkSize: 40, chunkSize: 64, "MkDocs page")
    let toml = Array(try MarkdownFixtures.text("hugo-post-toml.md").utf8)
    ChunkedParserTests.assertParsesLikeWhole(toml, "Hugo post, every cut")
    var parser = ChunkedParser(bytes: page, firstChunkSize: 1, chunkSize: 1)
    let first = try XCTUnwrap(parser.parseNextChunk())
    XCTAssertEqual(Document(title: "getting-started.md", blocks: first).title, "快速開始")
    let only = Array("---\ntitle: 只有前言\n---\n".utf8)
    ChunkedParserTests.assertParsesLikeWhole(only, minimumChunks: 1, "front matter only")
  }

  func testTOMLTitleIsTheTopLevelOneWithItsEscapes() throws {
    let document = parse(try MarkdownFixtures.text("hugo-post-toml.md"))
    XCTAssertEqual(frontMatter(of: document)?.format, .toml)
    XCTAssertEqual(document.title, "週報第 42 期：\"終端\"裡的中文排版")
    XCTAssertEqual(document.outline.entries.map(\.title), ["一、reader"])
    XCTAssertEqual(parse("+++\ndate = 2024-01-01\n[extra]\ntitle = 'x'\n+++\n正文").title, "page.md")
    XCTAssertEqual(parse("+++\ntitle = 'C:\\path'\n+++\n正文").title, "C:\\path")
  }

  func testYAMLTitlesAreReadByAYAMLParser() {
    XCTAssertEqual(parse("---\ntitle: \"Git: 分支與合併\"\n---\n正文").title, "Git: 分支與合併")
    XCTAssertEqual(parse("---\ntitle: '它''s'\n...\n正文").title, "它's")
    XCTAssertEqual(parse("---\ntitle: >\n  很長的\n  標題\n---\n正文").title, "很長的 標題")
    XCTAssertEqual(parse("---\nmeta:\n  title: 內層\n---\n正文").title, "page.md", "only the top level")
    XCTAssertEqual(parse("---\ntitle:\n  - a\n---\n正文").title, "page.md")
    XCTAssertEqual(parse("---\r\ntitle: 視窗\r\n---\r\n正文").title, "視窗")
    XCTAssertEqual(parse("\u{FEFF}---\ntitle: 有 BOM\n---\n正文").title, "有 BOM")
    // An escape sequence in the title is shown, never sent to the terminal.
    XCTAssertEqual(parse("---\ntitle: \"a\\e]2;x\\a\"\n---\n正文").title, "a␛]2;x␇")
    XCTAssertNotNil(frontMatter(of: parse("---\n---\n正文")), "empty front matter")
  }

  func testADocumentThatOnlyLooksLikeFrontMatterStaysMarkdown() {
    // A rule and a setext heading: the block's top level is not a mapping.
    let setext = parse("---\n這是一段文字\n---\n\n正文")
    XCTAssertNil(frontMatter(of: setext))
    XCTAssertEqual(setext.outline.entries.map(\.title), ["這是一段文字"])
    // Not at the very start, or never closed.
    XCTAssertNil(frontMatter(of: parse("\n---\ntitle: x\n---\n")))
    XCTAssertNil(frontMatter(of: parse("---\ntitle: 沒有結尾\n\n正文")))
    XCTAssertNil(frontMatter(of: parse("--- \ntitle: x\n-----\n")))
  }

  func testSearchFindsTheFrontMatterAsItIsShown() throws {
    let index = try SearchIndex(displayed: try mkdocsPage(), normalizer: SearchNormalizer())
    XCTAssertEqual(index.results(for: "navigation").count, 1)
    XCTAssertEqual(index.results(for: "快速開始").count, 2, "the front matter's title and the heading")
  }

  /// The opening screen of the MkDocs page: the metadata dim above the heading, the title in the
  /// status line, the outline from the page's own headings.
  func testMkDocsPageFramesAt80x24And40x12() throws {
    for (width, height) in [(80, 24), (40, 12)] {
      let state = ReaderState(document: try mkdocsPage(), size: TerminalSize(width: width, height: height))
      let frame = FrameRenderer.render(state)
      FrameInvariants.assertSound(frame, "\(width)x\(height)")
      assertSnapshot(frame.description, named: "front-matter-mkdocs-\(width)x\(height)")
    }
  }
}
