"""连云港城市大脑态势感知: the analytics core. Never imports streamlit (lyg.ui is the exception)."""
