# "2 Haziran 1920", not Django's zero-padded "02 Haziran 1920".
DATE_FORMAT = "j F Y"
YEAR_MONTH_FORMAT = "F Y"
SHORT_DATE_FORMAT = "d.m.Y"
