from django.db import migrations


def create_homepage(apps, schema_editor):
    """Put the site's HomePage where Wagtail's placeholder welcome page was."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("cms.HomePage")

    Page.objects.filter(depth=2, slug="home", content_type__app_label="wagtailcore").delete()
    if HomePage.objects.exists():
        return
    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="cms")
    root = Page.objects.get(depth=1)
    home = HomePage.objects.create(
        title="Your voice matters",
        draft_title="Your voice matters",
        slug="home",
        content_type=content_type,
        path=f"{root.path}0001",
        depth=2,
        numchild=0,
        locale_id=root.locale_id,
        url_path="/home/",
        live=True,
        introduction=(
            "The Children's Commissioner for England makes sure the government hears what "
            "children and young people think. Tell us what matters to you."
        ),
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "root_page_id": home.pk, "site_name": "Children's Commissioner"},
    )


def remove_homepage(apps, schema_editor):
    apps.get_model("cms.HomePage").objects.filter(slug="home", depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_homepage, remove_homepage)]
