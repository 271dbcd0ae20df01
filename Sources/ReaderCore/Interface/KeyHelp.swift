/// What the help says a binding does, in each language: the English is the keymap's own text,
/// the Chinese is written here per command (a new command does not compile without it).
public enum KeyHelp {
  public static func text(for binding: KeyBinding, in language: InterfaceLanguage) -> String {
    switch language {
    case .english: return binding.help
    case .traditionalChinese: return chinese(binding).traditional
    case .simplifiedChinese: return chinese(binding).simplified
    }
  }

  /// The keys as the help names them; the ten digits are `0–9`.
  public static func keys(of binding: KeyBinding) -> String {
    let digits = (0...9).map { Key.character(Character(String($0))) }
    if binding.keys == digits { return "0–9" }
    if binding.keys == Array(digits.dropFirst()) { return "1–9" }
    return binding.keys.map(\.description).joined(separator: " ")
  }

  private static func chinese(_ binding: KeyBinding) -> Localized {
    if binding.context == .help { return helpScreen(binding.command) ?? reader(binding.command) }
    if binding.context == .shelf, binding.command == .startSearch { return both("篩選", "筛选") }
    if binding.context == .shelf, binding.command == .openShelf { return both("書架", "书架") }
    if binding.context == .outlineFilter, binding.command == .lineUp { return both("上一個列出的標題", "上一个列出的标题") }
    if binding.context == .outlineFilter, binding.command == .lineDown {
      return both("下一個列出的標題", "下一个列出的标题")
    }
    return reader(binding.command)
  }

  /// The help's own keys say what they do to the help.
  private static func helpScreen(_ command: Command) -> Localized? {
    switch command {
    case .lineUp: return both("向上捲動一行", "向上滚动一行")
    case .lineDown: return both("向下捲動一行", "向下滚动一行")
    case .pageUp: return both("上一頁", "上一页")
    case .pageDown: return both("下一頁", "下一页")
    case .top: return both("說明的開頭", "帮助的开头")
    case .bottom: return both("說明的結尾", "帮助的结尾")
    case .closePanel: return both("關閉說明", "关闭帮助")
    default: return nil
    }
  }

  private static func reader(_ command: Command) -> Localized {
    switch command {
    case .lineUp: return both("上一個標題（目錄）／向上捲動一行（正文）", "上一个标题（目录）／向上滚动一行（正文）")
    case .lineDown: return both("下一個標題（目錄）／向下捲動一行（正文）", "下一个标题（目录）／向下滚动一行（正文）")
    case .pageUp: return both("上一頁", "上一页")
    case .pageDown: return both("下一頁", "下一页")
    case .top: return both("第一個標題／文件開頭；Ng：第 N 個標題", "第一个标题／文档开头；Ng：第 N 个标题")
    case .bottom: return both("最後一個標題／文件結尾", "最后一个标题／文档结尾")
    case .halfPageUp: return both("向上半頁", "向上半页")
    case .halfPageDown: return both("向下半頁", "向下半页")
    case .previousHeading: return both("上一節", "上一节")
    case .nextHeading: return both("下一節", "下一节")
    case .toggleOutline: return both("隱藏／顯示目錄", "隐藏／显示目录")
    case .narrowOutline: return both("縮窄目錄（佔寬度的比例）", "缩窄目录（占宽度的比例）")
    case .widenOutline: return both("加寬目錄（佔寬度的比例）", "加宽目录（占宽度的比例）")
    case .countDigit: return both("次數：5j 重複移動，50% 與 12g 跳轉", "次数：5j 重复移动，50% 和 12g 跳转")
    case .focusBody: return both("閱讀選取的章節／開啟選取的連結（正文）", "阅读选中的章节／打开选中的链接（正文）")
    case .switchFocus: return both("在目錄與正文之間切換", "在目录与正文之间切换")
    case .cycleScript: return both("文字：原文 → 繁體 → 简体", "文字：原文 → 繁體 → 简体")
    case .toggleVocabulary: return both("轉換用語與引號（軟體、「」）", "转换用语与引号（软件、“”）")
    case .nextFaction: return both("派系摘要；再按一次：下一個派系", "派系摘要；再按一次：下一个派系")
    case .openFactions: return both("派系面板：名稱、摘要、提及處", "派系面板：名称、摘要、提及处")
    case .nextMention: return both("所選派系的下一個提及處", "所选派系的下一个提及处")
    case .setMark: return both("m 加字母：為這裡設書籤，隨閱讀位置保存", "m 加字母：为这里设书签，随阅读位置保存")
    case .jumpToMark: return both("' 加字母：前往書籤；'' 返回跳轉前的位置", "' 加字母：跳到书签；'' 返回跳转前的位置")
    case .foldPrefix:
      return both("z 加鍵：摺疊目錄（z1–z9 層級，z0 全部，za 分支）", "z 加键：折叠目录（z1–z9 层级，z0 全部，za 分支）")
    case .foldToLevel: return both("目錄顯示到第 N 層", "目录显示到第 N 层")
    case .unfoldAll: return both("顯示所有層級", "显示所有层级")
    case .toggleBranch: return both("摺疊／展開所選標題的分支", "折叠／展开所选标题的分支")
    case .filterOutline: return both("依標題篩選目錄（同 less 的 &）；Esc 清除", "按标题筛选目录（同 less 的 &）；Esc 清除")
    case .submitFilter: return both("保留篩選，閱讀所選章節", "保留筛选，阅读所选章节")
    case .cancelFilter: return both("清除篩選", "清除筛选")
    case .deleteFilterCharacter: return both("刪除最後一個字元", "删除最后一个字符")
    case .percentJump: return both("N% 或 Np：跳到文件的百分之 N（50%）", "N% 或 Np：跳到文档的百分之 N（50%）")
    case .showHelp: return both("這份說明", "本帮助")
    case .closePanel: return both("關閉面板", "关闭面板")
    case .panelUp: return both("上一個派系", "上一个派系")
    case .panelDown: return both("下一個派系", "下一个派系")
    case .panelChoose: return both("前往派系的摘要項目", "跳到派系的摘要条目")
    case .panelMentions: return both("逐一檢視派系的提及處", "逐一查看派系的提及处")
    case .startSearch: return both("搜尋，不分繁簡；有大寫字母時區分大小寫", "搜索，不分繁简；有大写字母时区分大小写")
    case .nextMatch: return both("下一個符合的地方", "下一个匹配")
    case .previousMatch: return both("上一個符合的地方", "上一个匹配")
    case .clearHighlights: return both("清除搜尋與派系的標示", "清除搜索与派系的高亮")
    case .submitSearch: return both("前往符合處；未輸入時：重複上次搜尋", "跳到匹配处；未输入时：重复上次搜索")
    case .cancelSearch: return both("取消：回到原處", "取消：回到原处")
    case .deleteSearchText:
      return both("刪除左邊／插入點後的一個字元，左邊一個詞／全部", "删除左边／光标处的一个字符，左边一个词／全部")
    case .moveSearchCursor: return both("移動插入點；到行首／行尾", "移动光标；到行首／行尾")
    case .recallSearch: return both("較早／較新的搜尋（記錄）", "较早／较新的搜索（历史）")
    case .toggleSearchRegex: return both("開啟／關閉正規表示式（/re:）", "开启／关闭正则表达式（/re:）")
    case .reload: return both("從磁碟重新載入檔案", "从磁盘重新加载文件")
    case .nextLink: return both("選取畫面上的下一個連結或註腳", "选择屏幕上的下一个链接或脚注")
    case .previousLink: return both("選取上一個連結或註腳", "选择上一个链接或脚注")
    case .goBack: return both("返回上次開啟連結前的位置", "返回上次打开链接前的位置")
    case .copyLink: return both("把選取連結的網址複製到剪貼簿（OSC 52）", "把选中链接的网址复制到剪贴板（OSC 52）")
    case .colonCommand: return both(":n / :p 下一份／上一份文件（同 less）", ":n / :p 下一个／上一个文档（同 less）")
    case .nextDocument: return both("下一份文件", "下一个文档")
    case .previousDocument: return both("上一份文件", "上一个文档")
    case .openShelf: return both("書架，或本文件所在的資料夾", "书架，或本文档所在的文件夹")
    case .chooseDocument: return both("開啟", "打开")
    case .forgetDocument: return both("忘記", "忘记")
    case .toggleCodeWrap: return both("過長的程式碼行：換行（↪）／截斷（less -S）", "过长的代码行：换行（↪）／截断（less -S）")
    case .scrollLeft: return both("截斷的程式碼行：正文向左捲動", "截断的代码行：正文向左滚动")
    case .scrollRight: return both("截斷的程式碼行：正文向右捲動", "截断的代码行：正文向右滚动")
    case .suspend: return both("暫停，回到 shell（fg 回來）", "挂起，回到 shell（fg 回来）")
    case .interrupt: return both("中斷：立刻結束", "中断：立即退出")
    case .quit: return both("離開", "退出")
    }
  }

  private static func both(_ traditional: String, _ simplified: String) -> Localized {
    Localized(en: "", hant: traditional, hans: simplified)
  }
}
