"""The Alliance's programme: trade fairs and events, calendars and stand applications."""
