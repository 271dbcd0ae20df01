/// A note for the status line, as a value: what it says is written once per language in `text`,
/// so a new note without its Chinese renderings does not compile.
public enum Message: Hashable, Sendable {
  /// Where a search went on from after passing the end (or the start) of the document.
  public enum Wrap: Hashable, Sendable {
    case toTop
    case toBottom
  }

  case reloading
  case reloaded
  /// End/G before a long paragraph is measured to its end: the body goes there once it is.
  case measuringToEnd
  /// The remembered place is further in than the document has loaded: the body goes there once
  /// it has (unless the reader moves first).
  case returningToPlace
  /// The body is held at its old width while the long paragraph the place is in is measured at
  /// the new one (a resize, the outline shown or hidden).
  case layingOutAtNewWidth
  case cannotReload(ReloadFailure)
  /// An unbound key (said once a session), by its help name.
  case unboundKey(String)
  case unknownColonCommand(String)
  /// A count being typed before a movement (`12`).
  case count(Int)
  /// `:` waiting for its second key.
  case colonPrompt
  /// `:n` / `:p` at the end of the list; the place is the sequence's `2/3`, when there is one.
  case noNextDocument(place: String?)
  case noPreviousDocument(place: String?)
  case vocabularyOnInOriginal
  case vocabularyOffInOriginal
  case vocabularyLocalised
  case vocabularyAsWritten
  case codeLinesChopped
  case codeLinesWrapped
  /// Left / Right while code lines wrap.
  case codeLinesWrapHint
  case noCodeLineToTheRight
  case noHeadingBelow
  case noHeadingAbove
  case noLinkBelow
  case noLinkAbove
  case footnoteWithoutNote(label: String)
  case noHeadingHere(fragment: String)
  case noHeading(fragment: String, document: String)
  case stillLoadingLink
  /// A book's link whose `#id` its chapter lacks: the chapter's start is shown instead.
  case noAnchorInChapter(fragment: String)
  /// A book's link into a chapter the background import has not reached.
  case chapterNotYetRead(path: String)
  /// A book's link to a chapter with nothing in it.
  case chapterEmpty(path: String)
  /// A book's link to one of its files that is not in the reading order (an image).
  case notAChapter(path: String)
  case opening(path: String)
  case linkLeadsNowhere
  case notAFileToOpen
  case backspaceGoesBack
  case nothingToGoBackTo
  case noLinkSelected
  case footnoteHasNoAddress
  case copiedToClipboard
  case findingFactions
  case noFactions
  case faction(index: Int, count: Int, name: String)
  case countingMentions(name: String)
  case noMentions(name: String)
  case mention(name: String, index: Int, count: Int)
  /// `match 2/9`, from one-based `index`; `2,001/4,602`, `5/1,000,000+` when the search stopped
  /// at its limit.
  case match(index: Int, count: Int, capped: Bool = false, wrapped: Wrap?)
  /// The first match is shown while the others are still being counted.
  case matchCounting(wrapped: Wrap?)
  case noMatch(SearchPattern)
  case noSearchYet
  /// Enter on an empty prompt with no search before it to repeat.
  case noSearchToRepeat
  /// Up / Down in the prompt past the oldest or newest pattern of the history.
  case noEarlierSearch
  case noLaterSearch
  case patternTooLong(limit: Int)
  /// A regular expression that does not parse, with the parser's reason (in English).
  case invalidRegex(reason: String)
  /// Esc in the panes.
  case highlightsCleared
  case nothingHighlighted
  case searching
  /// The shelf: Enter on a document whose file is gone.
  case missingFile
  case forgot(title: String)
  /// What decoding replaced: bytes that are not valid in the encoding, and NUL characters.
  case replaced(invalidBytes: Int, nulCharacters: Int)
  /// What went wrong reading a book: chapters skipped, and the entry where a size limit stopped it.
  case bookDamage(unreadableChapters: Int, stoppedAt: String?)
  /// The compiled OpenCC 1.4.2 dictionaries are missing; the system's in `folder` convert.
  case fallbackDictionaries(folder: String)
  case conversionFailed(ConversionError)
  /// A document that could not be opened (the next one, a linked one, one on the shelf).
  case cannotOpen(path: String, reason: String)
  case looksBinary(path: String)
  /// `m` and `'` waiting for the letter of a mark.
  case markPrompt
  case markJumpPrompt
  /// Where the body is now: its percentage and the section's title (nil in the preface).
  case markSet(letter: Character, percent: Int, section: String?)
  case atMark(letter: Character, percent: Int, section: String?)
  case markNotSet(letter: Character)
  /// A key after `m` or `'` that names no mark, by its help name.
  case notAMarkName(key: String)
  case notAMarkToGoTo(key: String)
  case noJumpYet
  case backTo(percent: Int, section: String?)
  case percentWithoutCount
  case wentTo(percent: Int, section: String?)
  case noHeadings
  /// `12g`: one-based `index` of `count` headings.
  case heading(index: Int, count: Int, title: String)
  /// On reopening, where the reader is; `then` is a note that was there before (a decoding notice).
  indirect case resumed(percent: Int, section: String?, then: Message?)
  /// `z` waiting for its second key.
  case foldPrompt
  /// The outline lists depths 1 to N.
  case outlineLevels(Int)
  case outlineAllLevels
  case notAFoldKey(key: String)
  case nothingToFold
  case folded(title: String)
  case unfolded(title: String)
  /// The outline's share of the width, in percent.
  case outlineShare(Int)
  /// Text that comes from elsewhere and is shown as it is: a decoding or book notice, a reason
  /// from the system or OpenCC, a path.
  case verbatim(String)

  /// What the note says in `language`.
  public func text(in language: InterfaceLanguage) -> String {
    localized.text(in: language)
  }

  // The one message table: every case in all three languages. Traditional Chinese follows
  // Taiwan's usage (檔案, 連結, 搜尋, 程式碼), Simplified the mainland's (文件, 链接, 搜索, 代码).
  private var localized: Localized {
    switch self {
    case .reloading: return Localized(en: "reloading…", hant: "重新載入中…", hans: "正在重新加载…")
    case .reloaded: return Localized(en: "reloaded", hant: "已重新載入", hans: "已重新加载")
    case .returningToPlace:
      return Localized(
        en: "going back to where you left off…", hant: "正在回到上次讀到的地方…", hans: "正在回到上次读到的地方…")
    case .measuringToEnd:
      return Localized(
        en: "measuring the long paragraph to its end…", hant: "正在排到長段落的結尾…", hans: "正在排到长段落的结尾…")
    case .layingOutAtNewWidth:
      return Localized(
        en: "laying the long paragraph out at the new width…", hant: "正在按新的寬度排長段落…",
        hans: "正在按新的宽度排长段落…")
    case .cannotReload(let failure):
      switch failure {
      case .standardInput:
        return Localized(
          en: "cannot reload: the text came from standard input",
          hant: "無法重新載入：文字來自標準輸入", hans: "无法重新加载：文本来自标准输入")
      case .bundledArticle:
        return Localized(
          en: "cannot reload: the bundled article is not a file",
          hant: "無法重新載入：內建文章不是檔案", hans: "无法重新加载：内置文章不是文件")
      case .missing:
        return Localized(
          en: "cannot reload: the file is gone (the text on screen is what was read)",
          hant: "無法重新載入：檔案已不存在（畫面上是先前讀到的內容）",
          hans: "无法重新加载：文件已不存在（屏幕上是之前读到的内容）")
      case .unreadable(let reason):
        let reason = VisibleText.singleLine(reason)
        return Localized(en: "cannot reload: " + reason, hant: "無法重新載入：" + reason, hans: "无法重新加载：" + reason)
      }
    case .unboundKey(let key):
      let key = VisibleText.singleLine(key)
      return Localized(
        en: "\(key) is not a key here: press ? for help", hant: "\(key) 鍵在這裡沒有作用：按 ? 查看說明",
        hans: "\(key) 键在这里没有作用：按 ? 查看帮助")
    case .unknownColonCommand(let key):
      let key = VisibleText.singleLine(key)
      return Localized(
        en: "unknown command :\(key) (:n next, :p previous)", hant: "不明的指令 :\(key)（:n 下一份，:p 上一份）",
        hans: "未知命令 :\(key)（:n 下一个，:p 上一个）")
    case .count(let count): return Localized(same: "\(count)")
    case .colonPrompt: return Localized(same: ":")
    case .noNextDocument(let place):
      let place = place.map { VisibleText.singleLine($0) }
      return Localized(
        en: "no next document" + (place.map { " (\($0))" } ?? ""),
        hant: "沒有下一份文件" + (place.map { "（\($0)）" } ?? ""),
        hans: "没有下一个文档" + (place.map { "（\($0)）" } ?? ""))
    case .noPreviousDocument(let place):
      let place = place.map { VisibleText.singleLine($0) }
      return Localized(
        en: "no previous document" + (place.map { " (\($0))" } ?? ""),
        hant: "沒有上一份文件" + (place.map { "（\($0)）" } ?? ""),
        hans: "没有上一个文档" + (place.map { "（\($0)）" } ?? ""))
    case .vocabularyOnInOriginal:
      return Localized(
        en: "vocabulary on: takes effect in 繁體/简体 (press t)", hant: "用語轉換已開啟：在繁體／简体中生效（按 t）",
        hans: "用语转换已开启：在繁體／简体中生效（按 t）")
    case .vocabularyOffInOriginal:
      return Localized(
        en: "vocabulary off (it applies in 繁體/简体 only)", hant: "用語轉換已關閉（只在繁體／简体中適用）",
        hans: "用语转换已关闭（只在繁體／简体中适用）")
    case .vocabularyLocalised:
      return Localized(
        en: "vocabulary and quotes localised (用語轉換)", hant: "已轉換用語與引號", hans: "已转换用语与引号")
    case .vocabularyAsWritten:
      return Localized(en: "vocabulary as written", hant: "用語維持原文", hans: "用语保持原文")
    case .codeLinesChopped:
      return Localized(
        en: "long code lines chopped: Left/Right scroll", hant: "過長的程式碼行已截斷：Left/Right 左右捲動",
        hans: "过长的代码行已截断：Left/Right 左右滚动")
    case .codeLinesWrapped:
      return Localized(
        en: "long code lines wrapped (↪)", hant: "過長的程式碼行自動換行（↪）", hans: "过长的代码行自动换行（↪）")
    case .codeLinesWrapHint:
      return Localized(
        en: "code lines wrap; S chops them, then Left/Right scroll",
        hant: "程式碼行會換行；按 S 截斷後，可用 Left/Right 捲動", hans: "代码行会换行；按 S 截断后，可用 Left/Right 滚动")
    case .noCodeLineToTheRight:
      return Localized(
        en: "no code line on screen goes on to the right", hant: "畫面上沒有向右延伸的程式碼行",
        hans: "屏幕上没有向右延伸的代码行")
    case .noHeadingBelow: return Localized(en: "no heading below", hant: "下面沒有標題", hans: "下面没有标题")
    case .noHeadingAbove: return Localized(en: "no heading above", hant: "上面沒有標題", hans: "上面没有标题")
    case .noLinkBelow: return Localized(en: "no more links below", hant: "下面沒有其他連結", hans: "下面没有其他链接")
    case .noLinkAbove: return Localized(en: "no link above", hant: "上面沒有連結", hans: "上面没有链接")
    case .footnoteWithoutNote(let label):
      let label = VisibleText.singleLine(label)
      return Localized(
        en: "footnote [\(label)] has no note in this document", hant: "本文件沒有註腳 [\(label)] 的註釋",
        hans: "本文档没有脚注 [\(label)] 的注释")
    case .noHeadingHere(let fragment):
      let fragment = VisibleText.singleLine(fragment)
      return Localized(
        en: "no heading #\(fragment) in this document", hant: "本文件沒有標題 #\(fragment)",
        hans: "本文档没有标题 #\(fragment)")
    case .noHeading(let fragment, let document):
      let fragment = VisibleText.singleLine(fragment)
      let document = VisibleText.singleLine(document)
      return Localized(
        en: "no heading #\(fragment) in \(document)", hant: "\(document) 沒有標題 #\(fragment)",
        hans: "\(document) 没有标题 #\(fragment)")
    case .stillLoadingLink:
      return Localized(
        en: "still loading this document: follow the link once it is read", hant: "文件仍在載入：讀完後再開啟連結",
        hans: "文档仍在加载：读完后再打开链接")
    case .noAnchorInChapter(let fragment):
      let fragment = VisibleText.singleLine(fragment)
      return Localized(
        en: "no #\(fragment) in that chapter: at its start", hant: "該章沒有 #\(fragment)：已到章首",
        hans: "该章没有 #\(fragment)：已到章首")
    case .chapterNotYetRead(let path):
      let path = VisibleText.singleLine(path)
      return Localized(
        en: "still loading this book: \(path) is not read yet", hant: "書仍在載入：尚未讀到 \(path)",
        hans: "书仍在加载：尚未读到 \(path)")
    case .chapterEmpty(let path):
      let path = VisibleText.singleLine(path)
      return Localized(en: "\(path) has nothing to show", hant: "\(path) 沒有內容", hans: "\(path) 没有内容")
    case .notAChapter(let path):
      let path = VisibleText.singleLine(path)
      return Localized(
        en: "\(path) is not a chapter of this book: y copies the link", hant: "\(path) 不是本書的章節：按 y 複製連結",
        hans: "\(path) 不是本书的章节：按 y 复制链接")
    case .opening(let path):
      let path = VisibleText.singleLine(path)
      return Localized(en: "opening \(path)…", hant: "正在開啟 \(path)…", hans: "正在打开 \(path)…")
    case .linkLeadsNowhere:
      return Localized(en: "this link leads nowhere", hant: "這個連結沒有目標", hans: "这个链接没有目标")
    case .notAFileToOpen:
      return Localized(
        en: "not a file to open here: y copies it", hant: "這不是可以在此開啟的檔案：按 y 複製網址",
        hans: "这不是可以在此打开的文件：按 y 复制网址")
    case .backspaceGoesBack:
      return Localized(en: "Backspace goes back", hant: "按 Backspace 返回", hans: "按 Backspace 返回")
    case .nothingToGoBackTo:
      return Localized(en: "nothing to go back to", hant: "沒有可以返回的位置", hans: "没有可以返回的位置")
    case .noLinkSelected:
      return Localized(
        en: "no link selected: l selects the next one", hant: "尚未選取連結：按 l 選取下一個",
        hans: "尚未选择链接：按 l 选择下一个")
    case .footnoteHasNoAddress:
      return Localized(
        en: "a footnote reference has no address to copy", hant: "註腳參照沒有可以複製的網址",
        hans: "脚注引用没有可以复制的网址")
    case .copiedToClipboard:
      return Localized(en: "copied to the clipboard", hant: "已複製到剪貼簿", hans: "已复制到剪贴板")
    case .findingFactions:
      return Localized(en: "finding the faction summary…", hant: "正在尋找派系摘要…", hans: "正在查找派系摘要…")
    case .noFactions:
      return Localized(en: FactionReport.noFactions, hant: "本文件沒有派系摘要", hans: "本文档没有派系摘要")
    case .faction(let index, let count, let name):
      let name = VisibleText.singleLine(name)
      return Localized(
        en: "faction \(index)/\(count): \(name)", hant: "派系 \(index)/\(count)：\(name)",
        hans: "派系 \(index)/\(count)：\(name)")
    case .countingMentions(let name):
      let name = VisibleText.singleLine(name)
      return Localized(
        en: "counting the mentions of \(name)…", hant: "正在計算「\(name)」的提及次數…", hans: "正在统计“\(name)”的提及次数…")
    case .noMentions(let name):
      let name = VisibleText.singleLine(name)
      return Localized(en: "no mentions of \(name)", hant: "沒有提到「\(name)」的地方", hans: "没有提到“\(name)”的地方")
    case .mention(let name, let index, let count):
      let name = VisibleText.singleLine(name)
      return Localized(
        en: "\(name): mention \(index)/\(count)", hant: "\(name)：第 \(index)/\(count) 處提及",
        hans: "\(name)：第 \(index)/\(count) 处提及")
    case .match(let index, let count, let capped, let wrapped):
      let note = Self.wrapNote(wrapped)
      let place = SearchResults.grouped(index) + "/" + SearchResults.grouped(count) + (capped ? "+" : "")
      return Localized(
        en: "match \(place)" + note.english, hant: "符合 \(place)" + note.traditional,
        hans: "匹配 \(place)" + note.simplified)
    case .matchCounting(let wrapped):
      let note = Self.wrapNote(wrapped)
      return Localized(
        en: "match …/… (counting)" + note.english, hant: "符合 …/…（計算中）" + note.traditional,
        hans: "匹配 …/…（计算中）" + note.simplified)
    case .noMatch(let pattern):
      let text = VisibleText.singleLine(pattern.text)
      let regex = pattern.isRegex ? "re:" : ""
      return Localized(
        en: "no match for \(regex)\"\(text)\"", hant: "找不到 \(regex)「\(text)」", hans: "找不到 \(regex)“\(text)”")
    case .noSearchToRepeat:
      return Localized(
        en: "no search yet: type a pattern after /", hant: "還沒有搜尋：在 / 後輸入要找的文字",
        hans: "还没有搜索：在 / 后输入要找的文字")
    case .noEarlierSearch: return Localized(en: "no earlier search", hant: "沒有更早的搜尋", hans: "没有更早的搜索")
    case .noLaterSearch: return Localized(en: "no later search", hant: "沒有較新的搜尋", hans: "没有较新的搜索")
    case .patternTooLong(let limit):
      return Localized(
        en: "a pattern is at most \(limit) characters", hant: "搜尋文字最多 \(limit) 個字元",
        hans: "搜索文字最多 \(limit) 个字符")
    case .invalidRegex(let reason):
      let reason = VisibleText.singleLine(reason)
      return Localized(
        en: "invalid regular expression: \(reason)", hant: "正規表示式無效：\(reason)",
        hans: "正则表达式无效：\(reason)")
    case .highlightsCleared:
      return Localized(
        en: "highlights cleared (n and N show them again)", hant: "已清除標示（按 n 或 N 重新顯示）",
        hans: "已清除高亮（按 n 或 N 重新显示）")
    case .nothingHighlighted: return Localized(en: "nothing is highlighted", hant: "沒有標示", hans: "没有高亮")
    case .noSearchYet:
      return Localized(
        en: "no search yet: press / to search", hant: "還沒有搜尋：按 / 開始搜尋", hans: "还没有搜索：按 / 开始搜索")
    case .searching: return Localized(en: "searching…", hant: "搜尋中…", hans: "搜索中…")
    case .missingFile:
      return Localized(
        en: "missing: the file is no longer there (d forgets it)", hant: "找不到：檔案已不存在（按 d 移除）",
        hans: "找不到：文件已不存在（按 d 移除）")
    case .forgot(let title):
      let title = VisibleText.singleLine(title)
      return Localized(en: "forgot \(title)", hant: "已忘記 \(title)", hans: "已忘记 \(title)")
    case .replaced(let invalidBytes, let nulCharacters):
      var parts: [Localized] = []
      if invalidBytes > 0 {
        parts.append(
          Localized(
            en: invalidBytes == 1 ? "1 invalid byte replaced" : "\(invalidBytes) invalid bytes replaced",
            hant: "已替換 \(invalidBytes) 個無效位元組", hans: "已替换 \(invalidBytes) 个无效字节"))
      }
      if nulCharacters > 0 {
        parts.append(
          Localized(
            en: nulCharacters == 1 ? "1 NUL character replaced" : "\(nulCharacters) NUL characters replaced",
            hant: "已替換 \(nulCharacters) 個 NUL 字元", hans: "已替换 \(nulCharacters) 个 NUL 字符"))
      }
      return Self.joined(parts, en: ", ", zh: "，")
    case .bookDamage(let unreadable, let stoppedAt):
      var parts: [Localized] = []
      if unreadable > 0 {
        parts.append(
          Localized(
            en: unreadable == 1 ? "1 chapter could not be read" : "\(unreadable) chapters could not be read",
            hant: "有 \(unreadable) 章無法讀取", hans: "有 \(unreadable) 章无法读取"))
      }
      if let stoppedAt {
        let entry = VisibleText.singleLine(stoppedAt)
        parts.append(
          Localized(
            en: "stopped at \(entry): too large", hant: "讀到 \(entry) 時停止：內容太大",
            hans: "读到 \(entry) 时停止：内容太大"))
      }
      return Self.joined(parts, en: "; ", zh: "；")
    case .fallbackDictionaries(let folder):
      let folder = VisibleText.singleLine(folder)
      return Localized(
        en: "OpenCC 1.4.2 dictionaries not found (make build compiles them); using \(folder)",
        hant: "找不到 OpenCC 1.4.2 詞典（make build 會編譯）；改用 \(folder)",
        hans: "找不到 OpenCC 1.4.2 词典（make build 会编译）；改用 \(folder)")
    case .conversionFailed(let error):
      let detail = error.message
      return Localized(en: detail, hant: "繁簡轉換無法使用：" + detail, hans: "繁简转换无法使用：" + detail)
    case .cannotOpen(let path, let reason):
      let path = VisibleText.singleLine(path)
      let reason = VisibleText.singleLine(reason)
      return Localized(
        en: "cannot open '\(path)': \(reason)", hant: "無法開啟「\(path)」：\(reason)",
        hans: "无法打开“\(path)”：\(reason)")
    case .looksBinary(let path):
      let path = VisibleText.singleLine(path)
      return Localized(
        en: "'\(path)' looks like a binary file (use --force to open it anyway)",
        hant: "「\(path)」看起來是二進位檔案（加上 --force 仍可開啟）", hans: "“\(path)”看起来是二进制文件（加上 --force 仍可打开）")
    case .verbatim(let text): return Localized(same: VisibleText.sanitize(text))
    case .foldPrompt:
      return Localized(
        en: "z: 1–9 list the outline to that level, 0 every level, a folds the branch",
        hant: "z：1–9 目錄顯示到該層，0 顯示全部，a 摺疊所在分支", hans: "z：1–9 目录显示到该层，0 显示全部，a 折叠所在分支")
    case .outlineLevels(let level):
      return Localized(
        en: level == 1 ? "outline: the top level only" : "outline: levels 1–\(level)",
        hant: level == 1 ? "目錄：只顯示第一層" : "目錄：顯示第 1–\(level) 層",
        hans: level == 1 ? "目录：只显示第一层" : "目录：显示第 1–\(level) 层")
    case .outlineAllLevels:
      return Localized(en: "outline: every level", hant: "目錄：顯示所有層級", hans: "目录：显示所有层级")
    case .notAFoldKey(let key):
      let key = VisibleText.singleLine(key)
      return Localized(
        en: "z folds the outline with 1–9, 0 or a (not \(key))", hant: "z 之後請按 1–9、0 或 a 摺疊目錄（不是 \(key)）",
        hans: "z 之后请按 1–9、0 或 a 折叠目录（不是 \(key)）")
    case .nothingToFold:
      return Localized(
        en: "nothing to fold: this heading has no branch", hant: "沒有可摺疊的：這個標題沒有分支",
        hans: "没有可折叠的：这个标题没有分支")
    case .folded(let title):
      let title = VisibleText.singleLine(title)
      return Localized(en: "folded \(title)", hant: "已摺疊 \(title)", hans: "已折叠 \(title)")
    case .unfolded(let title):
      let title = VisibleText.singleLine(title)
      return Localized(en: "unfolded \(title)", hant: "已展開 \(title)", hans: "已展开 \(title)")
    case .outlineShare(let share):
      return Localized(
        en: "outline: \(share)% of the width", hant: "目錄：佔寬度的 \(share)%", hans: "目录：占宽度的 \(share)%")
    case .markPrompt:
      return Localized(
        en: "m: a letter names the mark", hant: "m：再按一個字母作為書籤名稱", hans: "m：再按一个字母作为书签名称")
    case .markJumpPrompt:
      return Localized(
        en: "': a letter goes to its mark, ' goes back", hant: "'：按字母前往該書籤，再按 ' 返回",
        hans: "'：按字母跳到该书签，再按 ' 返回")
    case .markSet(let letter, let percent, let section):
      let place = Self.place(percent, section)
      return Localized(
        en: "mark \(letter) set at \(place)", hant: "已設定書籤 \(letter)：\(place)",
        hans: "已设置书签 \(letter)：\(place)")
    case .atMark(let letter, let percent, let section):
      let place = Self.place(percent, section)
      return Localized(
        en: "mark \(letter): \(place)", hant: "書籤 \(letter)：\(place)", hans: "书签 \(letter)：\(place)")
    case .markNotSet(let letter):
      return Localized(
        en: "mark \(letter) is not set (m \(letter) sets it)", hant: "書籤 \(letter) 尚未設定（按 m \(letter) 設定）",
        hans: "书签 \(letter) 尚未设置（按 m \(letter) 设置）")
    case .notAMarkName(let key):
      let key = VisibleText.singleLine(key)
      return Localized(
        en: "a mark is a letter, a–z or A–Z (not \(key))", hant: "書籤名稱是字母 a–z 或 A–Z（不是 \(key)）",
        hans: "书签名称是字母 a–z 或 A–Z（不是 \(key)）")
    case .notAMarkToGoTo(let key):
      let key = VisibleText.singleLine(key)
      return Localized(
        en: "' goes to a mark, a–z or A–Z, or '' back (not \(key))",
        hant: "' 之後請按書籤字母 a–z、A–Z，或再按 ' 返回（不是 \(key)）",
        hans: "' 之后请按书签字母 a–z、A–Z，或再按 ' 返回（不是 \(key)）")
    case .noJumpYet:
      return Localized(
        en: "no jump to go back from yet", hant: "還沒有跳轉過，無處可返回", hans: "还没有跳转过，无处可返回")
    case .backTo(let percent, let section):
      let place = Self.place(percent, section)
      return Localized(en: "back to \(place)", hant: "返回 \(place)", hans: "返回 \(place)")
    case .percentWithoutCount:
      return Localized(
        en: "type the percentage first: 50% goes halfway", hant: "請先輸入百分比：50% 跳到一半",
        hans: "请先输入百分比：50% 跳到一半")
    case .wentTo(let percent, let section):
      let place = Self.place(percent, section)
      return Localized(en: "went to \(place)", hant: "已跳到 \(place)", hans: "已跳到 \(place)")
    case .noHeadings:
      return Localized(en: "no headings in this document", hant: "本文件沒有標題", hans: "本文档没有标题")
    case .heading(let index, let count, let title):
      let title = VisibleText.singleLine(title)
      return Localized(
        en: "heading \(index)/\(count): \(title)", hant: "第 \(index)/\(count) 個標題：\(title)",
        hans: "第 \(index)/\(count) 个标题：\(title)")
    case .resumed(let percent, let section, let then):
      let place = Self.place(percent, section)
      let resumed = Localized(en: "resumed at \(place)", hant: "從 \(place) 繼續閱讀", hans: "从 \(place) 继续阅读")
      guard let then else { return resumed }
      let note = then.localized
      return Localized(
        en: resumed.english + "  " + note.english, hant: resumed.traditional + "  " + note.traditional,
        hans: resumed.simplified + "  " + note.simplified)
    }
  }

  private static func joined(_ parts: [Localized], en: String, zh: String) -> Localized {
    Localized(
      en: parts.map(\.english).joined(separator: en), hant: parts.map(\.traditional).joined(separator: zh),
      hans: parts.map(\.simplified).joined(separator: zh))
  }

  /// `42% · 第三章`, or the percentage alone in the preface.
  private static func place(_ percent: Int, _ section: String?) -> String {
    "\(percent)%" + (section.map { " · " + VisibleText.singleLine($0) } ?? "")
  }

  private static func wrapNote(_ wrapped: Wrap?) -> Localized {
    switch wrapped {
    case nil: return Localized(same: "")
    case .toTop:
      return Localized(en: " (wrapped to the top)", hant: "（已從開頭繼續）", hans: "（已从开头继续）")
    case .toBottom:
      return Localized(en: " (wrapped to the bottom)", hant: "（已從結尾繼續）", hans: "（已从结尾继续）")
    }
  }
}
