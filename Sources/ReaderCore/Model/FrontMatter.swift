/// Metadata at the very start of a Markdown file (YAML between `---` lines, TOML between `+++`
/// lines, as Jekyll, Hugo and MkDocs write it): not content, so never a heading or a paragraph.
public struct FrontMatter: Hashable, Sendable {
  /// Which language the metadata is written in.
  public enum Format: Hashable, Sendable { case yaml, toml }

  public var format: Format
  /// The block as written, delimiter lines included, made visible (tabs expanded).
  public var text: String
  /// Its `title`, on one line and made visible; nil when it has none.
  public var title: String?

  public init(format: Format, text: String, title: String?) {
    self.format = format
    self.text = text
    self.title = title
  }
}
