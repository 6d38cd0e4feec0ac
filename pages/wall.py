"""大屏模式: the unattended operations-centre wall (open with ?wall=1 or /wall)."""
from lyg.ui import wall
from lyg.ui.context import context

ctx = context("wall")

wall.run(ctx)
