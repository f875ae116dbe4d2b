"""Commands of this module are added in their own issue."""

COMMANDS: tuple = ()
