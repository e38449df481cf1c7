"""The one StreamBlock used for page bodies across the site; each block has its own template."""

from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(choices=[("h2", "Heading 2"), ("h3", "Heading 3")], default="h2")

    class Meta:
        icon = "title"
        template = "cms/blocks/heading_block.html"


class CalloutBlock(blocks.StructBlock):
    """A highlighted box, for the one thing a reader must not miss."""

    title = blocks.CharBlock(max_length=120)
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "warning"
        template = "cms/blocks/callout_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "cms/blocks/quote_block.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["h2", "h3", "bold", "italic", "link", "ul", "ol", "document-link"],
        template="cms/blocks/paragraph_block.html",
    )
    image = ImageBlock(template="cms/blocks/image_block.html")
    callout = CalloutBlock()
    quote = QuoteBlock()


class HelplineBlock(blocks.StructBlock):
    """One place a young person can get help, shown on every thank-you page."""

    name = blocks.CharBlock(max_length=80)
    phone = blocks.CharBlock(max_length=40, required=False)
    description = blocks.CharBlock(max_length=200)
    url = blocks.URLBlock(required=False)

    class Meta:
        icon = "help"
        template = "cms/blocks/helpline_block.html"
