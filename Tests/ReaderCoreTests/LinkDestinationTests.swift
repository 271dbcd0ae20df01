import XCTest

@testable import ReaderCore

/// Where a link leads, and the heading ids `#anchor` links use.
final class LinkDestinationTests: XCTestCase {
  func testDestinationsAreClassifiedAndRelativePathsResolveAgainstTheDocumentsFolder() {
    let here = "/home/u/notes/weekly/142.md"
    XCTAssertEqual(LinkDestination("#上期回顧", from: here), .fragment("上期回顧"))
    XCTAssertEqual(LinkDestination("#%E4%B8%8A%E6%9C%9F", from: here), .fragment("上期"))
    XCTAssertEqual(
      LinkDestination("../archive/141.md#markdown-的歷史", from: here),
      .file(path: "/home/u/notes/archive/141.md", fragment: "markdown-的歷史"))
    XCTAssertEqual(
      LinkDestination("./a%20b.MD?plain=1", from: here),
      .file(path: "/home/u/notes/weekly/a b.MD", fragment: nil))
    XCTAssertEqual(LinkDestination("notes.txt", from: nil), .file(path: "notes.txt", fragment: nil))
    XCTAssertEqual(LinkDestination("../../x.md", from: "a.md"), .file(path: "../../x.md", fragment: nil))
    XCTAssertEqual(LinkDestination("/etc/motd.txt", from: here), .file(path: "/etc/motd.txt", fragment: nil))
    for external in [
      "https://swift.org", "mailto:a@b.c", "//cdn.example.com/x.md", "images/a.png", "docs/", "",
    ] {
      XCTAssertEqual(LinkDestination(external, from: here), .external(external), external)
    }
  }

  func testHeadingIDsFollowGitHubsRules() {
    XCTAssertEqual(HeadingIDs.slug("Markdown 的歷史"), "markdown-的歷史")
    XCTAssertEqual(HeadingIDs.slug("Hello, World!"), "hello-world")
    XCTAssertEqual(HeadingIDs.slug("C++ & Rust: 2024"), "c--rust-2024")
    XCTAssertEqual(HeadingIDs.slug("第三章：演算法的代價"), "第三章演算法的代價")
    XCTAssertEqual(HeadingIDs.slug("snake_case and kebab-case"), "snake_case-and-kebab-case")
    let document = MarkdownParser().parse("# 簡介\n\n## 簡介\n\n- ## 簡介\n\n# 簡介-1\n", title: "t")
    XCTAssertEqual(HeadingIDs.headings(in: document.blocks).map(\.id), ["簡介", "簡介-1", "簡介-2", "簡介-1-1"])
  }
}
