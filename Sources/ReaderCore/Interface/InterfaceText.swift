/// The fixed words of the screens (status line labels, panel titles, the help's frame), written
/// once per language like `Message`.
public enum InterfaceText: Hashable, Sendable {
  case focus(Focus)
  case loading(percent: Int)
  case chopped(shift: Int)
  /// The count beside the search prompt while typing (`+` when the search stopped at its limit).
  case matchCount(Int, capped: Bool = false)
  /// How many headings the outline lists while its filter is typed.
  case headingCount(Int)
  case indexing
  /// Beside the empty search prompt: what Enter repeats.
  case repeatSearch(SearchPattern)
  /// Beside the search prompt: the first match is shown, the others are being counted.
  case countingShort
  case terminalTooSmall
  case emptyDocument
  /// The selected footnote reference on the status line.
  case footnoteLink(label: String)
  /// The selected footnote reference with the start of its note's text.
  case footnotePreview(label: String, text: String)
  /// After a footnote's text, when there is room for it.
  case enterGoesToNote
  /// The script label of the text as written (繁體 and 简体 name themselves).
  case original
  case helpTitle
  /// Which lines of the help are on screen: `first`…`last` of `total`, one-based.
  case helpPosition(first: Int, last: Int, total: Int)
  case helpGroup(HelpGroup)
  case factionsTitle
  case mentionCount(Int)
  case countingMentions
  /// The mentions counted so far while the count goes on (the document still loads).
  case mentionCountSoFar(Int)
  case inSections
  case factionKeys
  case closeKey
  case documentCount(Int)
  case emptyShelf
  /// The shelf's filter leaves nothing.
  case noEntryMatches
  case missing
  case shelfHeading
  case folderHeading(String)

  public func text(in language: InterfaceLanguage) -> String {
    localized.text(in: language)
  }

  private var localized: Localized {
    switch self {
    case .focus(.outline): return Localized(en: "outline", hant: "目錄", hans: "目录")
    case .focus(.body): return Localized(en: "body", hant: "正文", hans: "正文")
    case .loading(let percent):
      return Localized(en: "loading \(percent)%", hant: "載入中 \(percent)%", hans: "加载中 \(percent)%")
    case .chopped(let shift):
      let arrow = shift > 0 ? " →\(shift)" : ""
      return Localized(en: "chopped" + arrow, hant: "截斷" + arrow, hans: "截断" + arrow)
    case .matchCount(let count, let capped):
      if count == 0 { return Localized(en: "no match", hant: "沒有符合", hans: "没有匹配") }
      let number = SearchResults.grouped(count) + (capped ? "+" : "")
      return Localized(
        en: count == 1 && !capped ? "1 match" : "\(number) matches", hant: "\(number) 筆符合",
        hans: "\(number) 个匹配")
    case .repeatSearch(let pattern):
      let text = VisibleText.singleLine(pattern.text)
      let regex = pattern.isRegex ? "re:" : ""
      return Localized(
        en: "Enter: \(regex)\"\(text)\" again", hant: "Enter：再搜尋 \(regex)「\(text)」",
        hans: "Enter：再次搜索 \(regex)“\(text)”")
    case .countingShort: return Localized(en: "counting…", hant: "計算中…", hans: "统计中…")
    case .headingCount(let count):
      return Localized(
        en: count == 1 ? "1 heading" : "\(count) headings", hant: "\(count) 個標題", hans: "\(count) 个标题")
    case .indexing: return Localized(en: "indexing…", hant: "建立索引中…", hans: "正在建立索引…")
    case .terminalTooSmall: return Localized(en: "terminal too small", hant: "終端機視窗太小", hans: "终端窗口太小")
    case .emptyDocument: return Localized(en: Document.emptyMessage, hant: "空白文件", hans: "空文档")
    case .footnoteLink(let label):
      let label = VisibleText.singleLine(label)
      let enter = InterfaceText.enterGoesToNote.localized
      return Localized(
        en: "footnote [\(label)] · " + enter.english, hant: "註腳 [\(label)] · " + enter.traditional,
        hans: "脚注 [\(label)] · " + enter.simplified)
    case .enterGoesToNote:
      return Localized(en: "Enter: go to the note", hant: "Enter：前往註釋", hans: "Enter：前往注释")
    case .footnotePreview(let label, let text):
      let label = VisibleText.singleLine(label)
      let text = VisibleText.singleLine(text)
      return Localized(
        en: "footnote [\(label)]: \(text)", hant: "註腳 [\(label)]：\(text)", hans: "脚注 [\(label)]：\(text)")
    case .original: return Localized(en: "Original", hant: "原文", hans: "原文")
    case .helpTitle:
      return Localized(
        en: "help · ↑↓ PgDn scroll · q closes", hant: "說明 · ↑↓ PgDn 捲動 · q 關閉", hans: "帮助 · ↑↓ PgDn 滚动 · q 关闭"
      )
    case .helpPosition(let first, let last, let total):
      return Localized(
        en: "\(first)–\(last) of \(total)", hant: "第 \(first)–\(last) 行，共 \(total) 行",
        hans: "第 \(first)–\(last) 行，共 \(total) 行")
    case .helpGroup(let group): return group.localized
    case .factionsTitle: return Localized(en: "factions · 派系", hant: "派系", hans: "派系")
    case .mentionCount(let count):
      return Localized(
        en: count == 1 ? "1 mention" : "\(count) mentions", hant: "提及 \(count) 次", hans: "提及 \(count) 次")
    case .countingMentions: return Localized(en: "counting mentions…", hant: "計算提及次數中…", hans: "正在统计提及次数…")
    case .mentionCountSoFar(let count):
      return Localized(
        en: (count == 1 ? "1 mention" : "\(count) mentions") + " so far, counting…",
        hant: "已提及 \(count) 次，計算中…",
        hans: "已提及 \(count) 次，统计中…")
    case .inSections: return Localized(en: "in: ", hant: "出現於：", hans: "出现于：")
    case .factionKeys:
      return Localized(
        en: "↑↓ choose · Enter jump · m mentions · Esc close", hant: "↑↓ 選擇 · Enter 前往 · m 提及處 · Esc 關閉",
        hans: "↑↓ 选择 · Enter 前往 · m 提及处 · Esc 关闭")
    case .closeKey: return Localized(en: "Esc close", hant: "Esc 關閉", hans: "Esc 关闭")
    case .documentCount(let count):
      return Localized(
        en: count == 1 ? "1 document" : "\(count) documents", hant: "\(count) 份文件", hans: "\(count) 个文档")
    case .noEntryMatches:
      return Localized(
        en: "no title or path holds it (Esc shows them all)", hant: "沒有書名或路徑符合（Esc 全部列出）",
        hans: "没有书名或路径符合（Esc 全部列出）")
    case .emptyShelf:
      return Localized(
        en: "nothing here yet: documents you read are listed here", hant: "這裡還沒有東西：讀過的文件會列在這裡",
        hans: "这里还没有内容：读过的文档会列在这里")
    case .missing: return Localized(en: "missing", hant: "不存在", hans: "不存在")
    case .shelfHeading:
      return Localized(en: "書架 shelf: documents read before", hant: "書架：讀過的文件", hans: "书架：读过的文档")
    case .folderHeading(let path):
      let path = VisibleText.singleLine(path)
      return Localized(en: "folder " + path, hant: "資料夾 " + path, hans: "文件夹 " + path)
    }
  }
}
