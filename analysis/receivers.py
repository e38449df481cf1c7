from core.tasks import enqueue_after_commit


def analyse_new_response(sender, response, **kwargs):
    enqueue_after_commit("analysis.tasks.response_analyse_task", response.pk)
