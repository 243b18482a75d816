"""Print the value of the "signedin" cookie, for the file Varnish reads (docs/production.md):

python manage.py front_pass_token > /etc/varnish/cooperation-pass-token
"""

from django.core.management.base import BaseCommand

from relations import front_pass


class Command(BaseCommand):
    help = "Print the token Varnish checks before it lets a signed-in editor past the cache."

    def handle(self, *args, **options):
        self.stdout.write(front_pass.token())
