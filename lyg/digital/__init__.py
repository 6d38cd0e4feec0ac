"""Digital-government programme: framework, projects, schedule and cost, phases, indicators."""
