/// One piece of interface text written in each language the interface speaks: a table entry
/// cannot leave a language out, so a missing translation does not compile.
public struct Localized: Hashable, Sendable {
  public let english: String
  public let traditional: String
  public let simplified: String

  public init(en english: String, hant traditional: String, hans simplified: String) {
    self.english = english
    self.traditional = traditional
    self.simplified = simplified
  }

  /// The same text in all three (a number, a path, a name, text from elsewhere).
  public init(same text: String) {
    self.init(en: text, hant: text, hans: text)
  }

  public func text(in language: InterfaceLanguage) -> String {
    switch language {
    case .english: return english
    case .traditionalChinese: return traditional
    case .simplifiedChinese: return simplified
    }
  }
}
