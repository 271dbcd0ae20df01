/// The groups of the help screen, by purpose: each binding of the keymap falls in one.
public enum HelpGroup: CaseIterable, Hashable, Sendable {
  case moving
  case outline
  case scriptAndFactions
  case search
  case links
  case documents
  case other
  case factionPanel
  case searchPrompt
  case foldKeys
  case outlineFilter
  case colonCommand
  case shelf
  case helpScreen

  /// The group a binding is listed in: by its command in the panes, by its context elsewhere.
  public static func of(_ binding: KeyBinding) -> HelpGroup {
    switch binding.context {
    case .factionPanel: return .factionPanel
    case .searchPrompt: return .searchPrompt
    case .colonCommand: return .colonCommand
    case .shelf: return .shelf
    case .help: return .helpScreen
    case .fold: return .foldKeys
    case .outlineFilter: return .outlineFilter
    case .reader: break
    }
    switch binding.command {
    case .lineUp, .lineDown, .pageUp, .pageDown, .top, .bottom, .halfPageUp, .halfPageDown, .countDigit,
      .switchFocus, .scrollLeft, .scrollRight, .setMark, .jumpToMark, .percentJump:
      return .moving
    case .previousHeading, .nextHeading, .toggleOutline, .narrowOutline, .widenOutline, .focusBody,
      .foldPrefix,
      .foldToLevel, .unfoldAll, .toggleBranch, .filterOutline, .submitFilter, .cancelFilter,
      .deleteFilterCharacter:
      return .outline
    case .cycleScript, .toggleVocabulary, .nextFaction, .openFactions, .nextMention, .closePanel, .panelUp,
      .panelDown, .panelChoose, .panelMentions:
      return .scriptAndFactions
    case .startSearch, .nextMatch, .previousMatch, .clearHighlights, .submitSearch, .cancelSearch,
      .deleteSearchText, .moveSearchCursor, .recallSearch, .toggleSearchRegex:
      return .search
    case .nextLink, .previousLink, .goBack, .copyLink:
      return .links
    case .reload, .colonCommand, .nextDocument, .previousDocument, .openShelf, .chooseDocument,
      .forgetDocument:
      return .documents
    case .toggleCodeWrap, .showHelp, .suspend, .interrupt, .quit:
      return .other
    }
  }

  /// The group's heading.
  var localized: Localized {
    switch self {
    case .moving: return Localized(en: "Moving", hant: "移動", hans: "移动")
    case .outline: return Localized(en: "Outline and sections", hant: "目錄與章節", hans: "目录与章节")
    case .scriptAndFactions: return Localized(en: "Script and factions", hant: "繁簡與派系", hans: "繁简与派系")
    case .search: return Localized(en: "Search", hant: "搜尋", hans: "搜索")
    case .links: return Localized(en: "Links", hant: "連結", hans: "链接")
    case .documents: return Localized(en: "Documents", hant: "文件", hans: "文档")
    case .other: return Localized(en: "Other", hant: "其他", hans: "其他")
    case .factionPanel: return Localized(en: "In the faction panel", hant: "在派系面板中", hans: "在派系面板中")
    case .searchPrompt: return Localized(en: "While typing a search", hant: "輸入搜尋時", hans: "输入搜索时")
    case .foldKeys:
      return Localized(en: "After z (the outline's folds)", hant: "按 z 之後（摺疊目錄）", hans: "按 z 之后（折叠目录）")
    case .outlineFilter:
      return Localized(en: "Filtering the outline (&)", hant: "篩選目錄時（&）", hans: "筛选目录时（&）")
    case .colonCommand: return Localized(en: "After :", hant: "按 : 之後", hans: "按 : 之后")
    case .shelf:
      return Localized(en: "On the shelf (B, --shelf)", hant: "在書架上（B、--shelf）", hans: "在书架上（B、--shelf）")
    case .helpScreen: return Localized(en: "In this help", hant: "在說明中", hans: "在帮助中")
    }
  }
}
